// Group classes over real HTTP against `next start`, every answer checked
// against the API reference (tests/helpers/api-contract.ts): a coach
// schedules a class; members enrol — confirmed, then waitlisted with a
// position — and each caller sees their own place in the timetable; 40
// members enrolling at once in 12 places get exactly 12 places and
// waitlist positions 1–28; a place given up goes to the first on the
// waitlist (not after the studio's cut-off, a setting the owner changes);
// rosters are the coach's and the owner's; attendance once the class has
// started; a class cancelled ends its places; a weekly class series with
// standing places. And the edges: 401, 403, 404 for another coach's
// class, 400 naming the field, a cross-site cookie write refused.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseOrTransaction } from "@/db";
import { coachSettings, users, type UserRole } from "@/db/schema";
import { insertUserWithPassword, startAppServer, type AppServer } from "../helpers/app-server";

type Person = "owner" | "coachA" | "coachB" | "m1" | "m2" | "m3" | "mia";
const people: Record<Person, { name: string; role: UserRole }> = {
  owner: { name: "Olive", role: "owner" },
  coachA: { name: "Carla", role: "coach" },
  coachB: { name: "Bruno", role: "coach" },
  m1: { name: "Ann", role: "member" },
  m2: { name: "Ben", role: "member" },
  m3: { name: "Cid", role: "member" },
  mia: { name: "Mia", role: "member" },
};
/** Mia signs in over HTTP too, for a cookie session. */
const MIA = { email: "mia@example.com", password: "mia-password-1" };
const CROWD = 40;

const ids = {} as Record<Person, string>;
const tokens = {} as Record<Person, string>;
const crowd: Array<{ id: string; token: string }> = [];
let server: AppServer;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Whole UTC days from today (the server runs on the real clock). */
const midnight = Math.floor(Date.now() / DAY) * DAY;
const at = (days: number, hour: number) => new Date(midnight + days * DAY + hour * HOUR).toISOString();
const isoDate = (days: number) => at(days, 0).slice(0, 10);

const token = () => randomBytes(24).toString("base64url");

beforeAll(async () => {
  server = await startAppServer({
    // The burst and the coach's many writes stay under the per-user write limit.
    env: { RATE_LIMIT_API_WRITES: "1000/1m" },
    prepare: async (handle) => {
      const db: DatabaseOrTransaction = handle.db;
      const addSession = async (userId: string) => {
        const value = token();
        await db.execute(sql`INSERT INTO sessions (token, user_id, expires_at) VALUES (${value}, ${userId}, now() + interval '1 day')`);
        return value;
      };
      for (const person of Object.keys(people) as Person[]) {
        const { name, role } = people[person];
        if (person === "mia") {
          ids.mia = await insertUserWithPassword(handle, { email: MIA.email, name, role, password: MIA.password });
        } else {
          const [row] = await db.insert(users).values({ email: `${person.toLowerCase()}@example.com`, name, role, emailVerified: true }).returning({ id: users.id });
          ids[person] = row!.id;
        }
        tokens[person] = await addSession(ids[person]);
      }
      // Wall-clock times of the class series read in UTC.
      await db.insert(coachSettings).values([
        { coachId: ids.coachA, timezone: "UTC" },
        { coachId: ids.coachB, timezone: "UTC" },
      ]);
      const rows = await db
        .insert(users)
        .values(Array.from({ length: CROWD }, (_, i) => ({ email: `crowd-${i}@example.com`, name: `Crowd ${i}`, role: "member" as const, emailVerified: true })))
        .returning({ id: users.id });
      for (const row of rows) crowd.push({ id: row.id, token: await addSession(row.id) });
    },
  });
});

afterAll(async () => {
  await server?.stop();
});

type Caller = Person | "anonymous" | { token: string };

function call(who: Caller, pathname: string, options: { method?: string; body?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (who !== "anonymous") headers.authorization = `Bearer ${typeof who === "string" ? tokens[who] : who.token}`;
  const method = options.method ?? (options.body === undefined ? "GET" : "POST");
  if (options.body !== undefined) headers["content-type"] = "application/json";
  return server.request(pathname, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
}
const post = (who: Caller, pathname: string, body: unknown = {}) => call(who, pathname, { body });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function json(response: Response, status: number): Promise<any> {
  const text = await response.text();
  expect(response.status, `${response.url}: ${text}\n${server.output().slice(-1500)}`).toBe(status);
  return JSON.parse(text);
}

interface Enrolled {
  enrolment: { id: string; status: "confirmed" | "waitlisted"; position?: number };
}

const classBody = (changes: Record<string, unknown> = {}) => ({
  coachId: ids.coachA,
  title: "Pilates",
  startsAt: at(3, 18),
  endsAt: at(3, 19),
  capacity: 2,
  ...changes,
});

async function schedule(who: Person, changes: Record<string, unknown>): Promise<string> {
  return (await json(await post(who, "/api/v1/classes", classBody(changes)), 201)).class.id;
}

const timetable = (who: Caller) =>
  call(who, `/api/v1/classes?${new URLSearchParams({ from: at(0, 0), to: at(14, 0) }).toString()}`);

describe("a class, its places and its waitlist", () => {
  let pilates: string;
  const places = {} as Record<"m1" | "m2" | "m3" | "mia", string>;

  it("a coach schedules a class: 201 with no place taken", async () => {
    const body = await json(await post("coachA", "/api/v1/classes", classBody()), 201);
    expect(body.class).toMatchObject({
      title: "Pilates",
      startsAt: at(3, 18),
      endsAt: at(3, 19),
      status: "scheduled",
      coach: { id: ids.coachA, name: "Carla", timezone: "UTC" },
      capacity: 2,
      confirmed: 0,
      waitlisted: 0,
      placesLeft: 2,
      seriesId: null,
      myEnrolment: null,
    });
    pilates = body.class.id;
  });

  it("members enrol: 201 confirmed up to the capacity, then waitlisted with positions 1, 2", async () => {
    for (const who of ["m1", "m2", "m3", "mia"] as const) {
      const body = (await json(await post(who, `/api/v1/classes/${pilates}/enrolments`), 201)) as Enrolled;
      places[who] = body.enrolment.id;
      if (who === "m1" || who === "m2") expect(body).toEqual({ enrolment: { id: expect.any(String), status: "confirmed" } });
      else expect(body).toEqual({ enrolment: { id: expect.any(String), status: "waitlisted", position: who === "m3" ? 1 : 2 } });
    }
    const again = await json(await post("m1", `/api/v1/classes/${pilates}/enrolments`), 409);
    expect(again.error.code).toBe("conflict");
    // A member enrols only themself.
    expect((await json(await post("m1", `/api/v1/classes/${pilates}/enrolments`, { memberId: ids.m2 }), 403)).error.code).toBe("forbidden");
  });

  it("GET /classes?from&to shows the places, the waitlist and each caller's own place", async () => {
    const expectations: Array<[Person, unknown]> = [
      ["m1", { id: places.m1, status: "confirmed", position: null }],
      ["m3", { id: places.m3, status: "waitlisted", position: 1 }],
      ["mia", { id: places.mia, status: "waitlisted", position: 2 }],
      ["coachA", null],
      ["owner", null],
    ];
    for (const [who, mine] of expectations) {
      const { classes } = await json(await timetable(who), 200);
      const listed = classes.find((item: { id: string }) => item.id === pilates);
      expect(listed, who).toMatchObject({ confirmed: 2, waitlisted: 2, placesLeft: 0 });
      expect(listed.myEnrolment, who).toEqual(mine);
    }
    const mine = await json(await call("mia", `/api/v1/classes/${pilates}`), 200);
    expect(mine.roster).toBeNull();
    expect(mine.class.myEnrolment).toEqual({ id: places.mia, status: "waitlisted", position: 2 });
    const missing = await json(await timetable("anonymous"), 401);
    expect(missing.error.code).toBe("unauthenticated");
  });

  it("shows the roster to the class's coach and the owner, in order; 403 to members and other coaches", async () => {
    for (const who of ["coachA", "owner"] as const) {
      const { enrolments } = await json(await call(who, `/api/v1/classes/${pilates}/enrolments`), 200);
      expect(enrolments.map((e: { id: string; status: string; position: number | null }) => [e.id, e.status, e.position])).toEqual([
        [places.m1, "confirmed", null],
        [places.m2, "confirmed", null],
        [places.m3, "waitlisted", 1],
        [places.mia, "waitlisted", 2],
      ]);
      expect(enrolments[0].member).toEqual({ id: ids.m1, name: "Ann" });
      const detail = await json(await call(who, `/api/v1/classes/${pilates}`), 200);
      expect(detail.roster).toHaveLength(4);
    }
    for (const who of ["m1", "coachB"] as const) {
      expect((await json(await call(who, `/api/v1/classes/${pilates}/enrolments`), 403)).error.code).toBe("forbidden");
    }
    expect((await json(await call("coachB", `/api/v1/classes/${pilates}`), 200)).roster).toBeNull();
    expect((await json(await call("m1", "/api/v1/classes/no-such-class/enrolments"), 404)).error.code).toBe("not_found");
  });

  it("a place given up goes to the first on the waitlist; the next one moves up", async () => {
    expect((await json(await post("m2", `/api/v1/enrolments/${places.m1}/cancel`), 404)).error.code).toBe("not_found");
    const body = await json(await post("m1", `/api/v1/enrolments/${places.m1}/cancel`), 200);
    expect(body.enrolment).toMatchObject({ id: places.m1, status: "cancelled", cancelCause: "member", position: null });
    expect(body.promoted).toHaveLength(1);
    expect(body.promoted[0]).toMatchObject({ id: places.m3, status: "confirmed", position: null, member: { id: ids.m3 } });
    expect(body.promoted[0].promotedAt).toEqual(expect.any(String));
    await json(await post("m1", `/api/v1/enrolments/${places.m1}/cancel`), 409);

    const { enrolments, classes } = await json(await call("mia", "/api/v1/enrolments"), 200);
    expect(enrolments).toEqual([expect.objectContaining({ id: places.mia, status: "waitlisted", position: 1 })]);
    expect(classes).toEqual([expect.objectContaining({ id: pilates, confirmed: 2, waitlisted: 1 })]);
    // m1 may enrol again: at the end of the waitlist.
    const back = (await json(await post("m1", `/api/v1/classes/${pilates}/enrolments`), 201)) as Enrolled;
    expect(back.enrolment).toMatchObject({ status: "waitlisted", position: 2 });
    places.m1 = back.enrolment.id;
  });

  it("a cancelled class ends its places: 403 for a member, 404 for another coach, then 409 once cancelled", async () => {
    expect((await json(await post("m2", `/api/v1/classes/${pilates}/cancel`), 403)).error.code).toBe("forbidden");
    expect((await json(await post("coachB", `/api/v1/classes/${pilates}/cancel`), 404)).error.code).toBe("not_found");
    const body = await json(await post("coachA", `/api/v1/classes/${pilates}/cancel`, { reason: "Studio flooded" }), 200);
    expect(body.class).toMatchObject({ id: pilates, status: "cancelled", cancellationReason: "Studio flooded", confirmed: 0, waitlisted: 0 });
    await json(await post("coachA", `/api/v1/classes/${pilates}/cancel`), 409);
    await json(await post("m1", `/api/v1/classes/${pilates}/enrolments`), 409);

    const { enrolments } = await json(await call("mia", `/api/v1/enrolments?status=all&from=${encodeURIComponent(at(0, 0))}`), 200);
    expect(enrolments).toEqual([expect.objectContaining({ id: places.mia, status: "cancelled", cancelCause: "class_cancelled" })]);
    expect((await json(await call("mia", "/api/v1/enrolments"), 200)).enrolments).toEqual([]);
  });
});

describe("a crowd", () => {
  it("40 members enrolling at once in 12 places: exactly 12 confirmed, positions 1–28, no 5xx", async () => {
    const crowded = await schedule("coachA", { title: "Spin", startsAt: at(3, 10), endsAt: at(3, 11), capacity: 12 });
    const responses = await Promise.all(crowd.map((member) => post(member, `/api/v1/classes/${crowded}/enrolments`)));
    const answers: Enrolled[] = [];
    for (const response of responses) answers.push((await json(response, 201)) as Enrolled);
    const confirmed = answers.filter((answer) => answer.enrolment.status === "confirmed");
    const waitlisted = answers.filter((answer) => answer.enrolment.status === "waitlisted");
    expect(confirmed).toHaveLength(12);
    expect(confirmed.every((answer) => answer.enrolment.position === undefined)).toBe(true);
    expect(waitlisted.map((answer) => answer.enrolment.position).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    expect(new Set(answers.map((answer) => answer.enrolment.id)).size).toBe(CROWD);

    const { class: view, roster } = await json(await call("coachA", `/api/v1/classes/${crowded}`), 200);
    expect(view).toMatchObject({ capacity: 12, confirmed: 12, waitlisted: 28, placesLeft: 0 });
    // The roster agrees with what each member was told.
    const told = new Map(answers.map((answer) => [answer.enrolment.id, answer.enrolment.position ?? null]));
    for (const place of roster as Array<{ id: string; position: number | null }>) expect(place.position).toBe(told.get(place.id));
  });
});

describe("the waitlist cut-off, a studio setting", () => {
  it("everyone reads it (default 120); only the owner changes it, 0..10080, named when wrong", async () => {
    const read = await json(await call("m1", "/api/v1/studio-settings"), 200);
    expect(read.settings).toMatchObject({ waitlistCutoffMinutes: 120, bookingWindowDays: 365 });
    const patch = (who: Person, body: unknown) => call(who, "/api/v1/studio-settings", { method: "PATCH", body });
    expect((await json(await patch("coachA", { waitlistCutoffMinutes: 60 }), 403)).error.code).toBe("forbidden");
    for (const bad of [-1, 10081, 1.5, "60", null]) {
      const body = await json(await patch("owner", { waitlistCutoffMinutes: bad }), 400);
      expect(Object.keys(body.error.fields), String(bad)).toEqual(["waitlistCutoffMinutes"]);
    }
    expect(Object.keys((await json(await patch("owner", {}), 400)).error.fields)).toEqual(["bookingWindowDays"]);
    const changed = await json(await patch("owner", { waitlistCutoffMinutes: 0 }), 200);
    expect(changed.settings).toMatchObject({ waitlistCutoffMinutes: 0, bookingWindowDays: 365, requireVerifiedEmail: false });
    expect((await json(await call("m2", "/api/v1/studio-settings"), 200)).settings.waitlistCutoffMinutes).toBe(0);
  });

  it("a place freed within the cut-off is not promoted; outside it, it is", async () => {
    const yoga = await schedule("coachA", { title: "Yoga", startsAt: at(3, 12), endsAt: at(3, 13), capacity: 2 });
    const enrol = async (who: Person) => ((await json(await post(who, `/api/v1/classes/${yoga}/enrolments`), 201)) as Enrolled).enrolment;
    const [first, second, third] = [await enrol("m1"), await enrol("m2"), await enrol("m3")];
    expect(third).toMatchObject({ status: "waitlisted", position: 1 });

    // A week: the class (3 days ahead) is within it.
    await json(await call("owner", "/api/v1/studio-settings", { method: "PATCH", body: { waitlistCutoffMinutes: 10080 } }), 200);
    expect((await json(await post("m1", `/api/v1/enrolments/${first.id}/cancel`), 200)).promoted).toEqual([]);
    const still = await json(await call("m3", `/api/v1/classes/${yoga}`), 200);
    expect(still.class).toMatchObject({ confirmed: 1, placesLeft: 1, myEnrolment: { status: "waitlisted", position: 1 } });

    await json(await call("owner", "/api/v1/studio-settings", { method: "PATCH", body: { waitlistCutoffMinutes: 120 } }), 200);
    const freed = await json(await post("coachA", `/api/v1/enrolments/${second.id}/cancel`), 200);
    expect(freed.enrolment).toMatchObject({ status: "cancelled", cancelCause: "coach" });
    expect(freed.promoted.map((place: { id: string }) => place.id)).toEqual([third.id]);
  });

  it("is on the owner's settings page", async () => {
    const page = await server.request("/owner/settings", { headers: { authorization: `Bearer ${tokens.owner}` }, redirect: "manual" });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Waitlist cut-off (minutes before a class)");
    expect(html).toMatch(/value="120"/);
  });
});

describe("attendance", () => {
  it("is marked by the class's coach once the class has started, and can be corrected", async () => {
    // A class a few seconds ahead: enrol now, mark once it has started.
    const startsAt = new Date(Math.ceil((Date.now() + 8_000) / 1000) * 1000);
    const soon = await schedule("coachA", {
      title: "Boxing",
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
      capacity: 2,
    });
    const place = ((await json(await post("m1", `/api/v1/classes/${soon}/enrolments`), 201)) as Enrolled).enrolment;
    const waiting = [
      ((await json(await post("m2", `/api/v1/classes/${soon}/enrolments`), 201)) as Enrolled).enrolment,
      ((await json(await post("m3", `/api/v1/classes/${soon}/enrolments`), 201)) as Enrolled).enrolment,
    ];
    expect(waiting[0]!.status).toBe("confirmed");
    const mark = (who: Person, id: string, attendance: unknown) => post(who, `/api/v1/enrolments/${id}/attendance`, { attendance });
    expect((await json(await mark("coachA", place.id, "attended"), 409)).error.message).toMatch(/once the class has started/);
    // m3 gives up the waitlist place before the start.
    await json(await post("m3", `/api/v1/enrolments/${waiting[1]!.id}/cancel`), 200);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startsAt.getTime() - Date.now() + 500)));
    expect((await json(await mark("m1", place.id, "attended"), 403)).error.code).toBe("forbidden");
    expect((await json(await mark("coachB", place.id, "attended"), 404)).error.code).toBe("not_found");
    expect(Object.keys((await json(await mark("coachA", place.id, "late"), 400)).error.fields)).toEqual(["attendance"]);
    expect((await json(await mark("coachA", place.id, "attended"), 200)).enrolment).toMatchObject({ id: place.id, status: "attended" });
    expect((await json(await mark("owner", place.id, "no_show"), 200)).enrolment).toMatchObject({ id: place.id, status: "no_show" });
    await json(await mark("coachA", waiting[1]!.id, "attended"), 409);
    // Started: a member can no longer give up their place.
    expect((await json(await post("m2", `/api/v1/enrolments/${waiting[0]!.id}/cancel`), 409)).error.message).toMatch(/started/);
    const { roster } = await json(await call("coachA", `/api/v1/classes/${soon}`), 200);
    expect(roster.map((e: { status: string }) => e.status)).toEqual(["no_show", "confirmed", "cancelled"]);
  }, 60_000);
});

describe("a weekly class series and standing places", () => {
  let seriesId: string;
  let classCount: number;
  const standing = {} as Record<"m2" | "m3" | "mia", string>;
  const weekday = new Date(at(2, 0)).getUTCDay();
  const seriesBody = (changes: Record<string, unknown> = {}) => ({
    coachId: ids.coachA,
    title: "Morning yoga",
    capacity: 2,
    dayOfWeek: weekday,
    startTime: "07:00",
    endTime: "08:00",
    startDate: isoDate(2),
    ...changes,
  });

  it("a coach schedules a weekly class: 201 with its classes up to the horizon and no conflict", async () => {
    expect((await json(await post("m1", "/api/v1/class-series", seriesBody()), 403)).error.code).toBe("forbidden");
    expect((await json(await post("coachB", "/api/v1/class-series", seriesBody()), 403)).error.code).toBe("forbidden");
    expect(Object.keys((await json(await post("coachA", "/api/v1/class-series", seriesBody({ endTime: "06:00" })), 400)).error.fields)).toEqual([
      "endTime",
    ]);
    const body = await json(await post("coachA", "/api/v1/class-series", seriesBody()), 201);
    expect(body.classSeries).toMatchObject({ title: "Morning yoga", capacity: 2, dayOfWeek: weekday, startTime: "07:00", status: "active", standingPlaces: 0 });
    expect(body.conflicts).toEqual([]);
    expect(body.classes.length).toBeGreaterThanOrEqual(3);
    expect(body.classes[0]).toMatchObject({ startsAt: at(2, 7), title: "Morning yoga", capacity: 2, seriesId: body.classSeries.id });
    seriesId = body.classSeries.id;
    classCount = body.classes.length;
    const listed = await json(await call("m1", "/api/v1/class-series"), 200);
    expect(listed.classSeries.map((series: { id: string }) => series.id)).toEqual([seriesId]);
  });

  it("members take standing places: a place in every class, the waitlist once full; one per member", async () => {
    for (const who of ["m2", "m3", "mia"] as const) {
      const body = await json(await post(who, `/api/v1/class-series/${seriesId}/standing-places`), 201);
      expect(body.standingPlace).toMatchObject({ seriesId, title: "Morning yoga", member: { id: ids[who] }, status: "active" });
      expect(body.enrolments).toHaveLength(classCount);
      const expected = who === "mia" ? "waitlisted" : "confirmed";
      expect(body.enrolments.every((e: { status: string; standingPlaceId: string }) => e.status === expected && e.standingPlaceId === body.standingPlace.id)).toBe(true);
      standing[who] = body.standingPlace.id;
    }
    await json(await post("m2", `/api/v1/class-series/${seriesId}/standing-places`), 409);
    expect((await json(await post("coachB", `/api/v1/class-series/${seriesId}/standing-places`, { memberId: ids.m1 }), 403)).error.code).toBe("forbidden");
    await json(await post("m1", "/api/v1/class-series/no-such-series/standing-places"), 404);
    await json(await call("m1", "/api/v1/class-series/no-such-series/standing-places"), 404);
    await json(await call("m1", "/api/v1/standing-places?seriesId=no-such-series"), 404);

    expect((await json(await call("mia", "/api/v1/standing-places"), 200)).standingPlaces.map((p: { id: string }) => p.id)).toEqual([standing.mia]);
    expect((await json(await call("coachA", `/api/v1/class-series/${seriesId}/standing-places`), 200)).standingPlaces).toHaveLength(3);
    expect((await json(await call("coachB", "/api/v1/standing-places"), 200)).standingPlaces).toEqual([]);
    expect((await json(await call("m1", `/api/v1/standing-places?seriesId=${seriesId}`), 200)).standingPlaces).toEqual([]);
  });

  it("a standing place ended gives its places to the waitlist", async () => {
    await json(await post("mia", `/api/v1/standing-places/${standing.m2}/cancel`), 404);
    const body = await json(await post("m2", `/api/v1/standing-places/${standing.m2}/cancel`), 200);
    expect(body).toMatchObject({ standingPlace: { id: standing.m2, status: "cancelled" }, cancelledPlaces: classCount });
    await json(await post("m2", `/api/v1/standing-places/${standing.m2}/cancel`), 409);
    const { enrolments } = await json(await call("mia", "/api/v1/enrolments"), 200);
    expect(enrolments).toHaveLength(classCount);
    expect(enrolments.every((e: { status: string; promotedAt: string | null }) => e.status === "confirmed" && e.promotedAt !== null)).toBe(true);
  });

  it("ending the series cancels its classes and standing places: 403 member, 404 another coach, 409 twice", async () => {
    expect((await json(await post("m3", `/api/v1/class-series/${seriesId}/cancel`), 403)).error.code).toBe("forbidden");
    expect((await json(await post("coachB", `/api/v1/class-series/${seriesId}/cancel`), 404)).error.code).toBe("not_found");
    const body = await json(await post("coachA", `/api/v1/class-series/${seriesId}/cancel`), 200);
    expect(body).toMatchObject({ classSeries: { id: seriesId, status: "cancelled", standingPlaces: 0 }, cancelledClasses: classCount });
    await json(await post("coachA", `/api/v1/class-series/${seriesId}/cancel`), 409);
    expect((await json(await call("mia", "/api/v1/enrolments"), 200)).enrolments).toEqual([]);
    const all = await json(await call("owner", `/api/v1/standing-places?status=all&seriesId=${seriesId}`), 200);
    expect(all.standingPlaces.map((p: { status: string }) => p.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
    expect((await json(await call("m1", "/api/v1/class-series"), 200)).classSeries).toEqual([]);
  });
});

describe("edges", () => {
  let othersClass: string;

  it("401 without a session; 403 for a member scheduling a class or a coach scheduling another coach's", async () => {
    expect((await json(await post("anonymous", "/api/v1/classes", classBody()), 401)).error.code).toBe("unauthenticated");
    expect((await json(await post("m1", "/api/v1/classes", classBody({ startsAt: at(4, 9), endsAt: at(4, 10) })), 403)).error.code).toBe("forbidden");
    expect((await json(await post("coachB", "/api/v1/classes", classBody({ startsAt: at(4, 9), endsAt: at(4, 10) })), 403)).error.code).toBe("forbidden");
  });

  it("404 when a coach cancels another coach's class (the owner scheduled it for them)", async () => {
    othersClass = await schedule("owner", { coachId: ids.coachB, title: "Judo", startsAt: at(4, 9), endsAt: at(4, 10) });
    expect((await json(await post("coachA", `/api/v1/classes/${othersClass}/cancel`), 404)).error.code).toBe("not_found");
    expect((await json(await call("m1", `/api/v1/classes/${othersClass}`), 200)).class.status).toBe("scheduled");
    await json(await post("coachA", "/api/v1/classes/no-such-class/cancel"), 404);
    await json(await call("m1", "/api/v1/classes/no-such-class"), 404);
  });

  it("400 naming the field for a bad class", async () => {
    const cases: Array<[Record<string, unknown>, string, Person?]> = [
      [{ capacity: 1 }, "capacity"],
      [{ capacity: 501 }, "capacity"],
      [{ capacity: 2.5 }, "capacity"],
      [{ title: undefined }, "title"],
      [{ title: "   " }, "title"],
      [{ endsAt: at(4, 8) }, "endsAt"],
      [{ startsAt: "tomorrow" }, "startsAt"],
      [{ startsAt: at(-1, 9), endsAt: at(-1, 10) }, "startsAt"],
      [{ coachId: ids.m1 }, "coachId", "owner"],
      [{ room: "A" }, "room"],
    ];
    for (const [changes, field, who] of cases) {
      const body = await json(await post(who ?? "coachA", "/api/v1/classes", classBody({ startsAt: at(4, 9), endsAt: at(4, 10), ...changes })), 400);
      expect(body.error.code).toBe("invalid_input");
      expect(Object.keys(body.error.fields), JSON.stringify(changes)).toContain(field);
    }
    expect(Object.keys((await json(await call("m1", "/api/v1/classes?from=2030-01-01T00:00:00Z"), 400)).error.fields)).toEqual(["to"]);
    const coachEnrolsNobody = await json(await post("coachB", `/api/v1/classes/${othersClass}/enrolments`), 400);
    expect(Object.keys(coachEnrolsNobody.error.fields)).toEqual(["memberId"]);
  });

  it("409 for a class over another of the coach's", async () => {
    const body = await json(await post("owner", "/api/v1/classes", classBody({ coachId: ids.coachB, startsAt: at(4, 9), endsAt: at(4, 10) })), 409);
    expect(body.error.code).toBe("conflict");
  });

  it("a member's spoofed identity or forwarding headers change nothing; a huge body is refused before it is read", async () => {
    const spoofed = {
      authorization: `Bearer ${tokens.m1}`,
      "content-type": "application/json",
      "x-user-id": ids.owner,
      "x-user-role": "owner",
      "x-forwarded-for": "127.0.0.1",
      "x-real-ip": "127.0.0.1",
      forwarded: "for=127.0.0.1;host=localhost;proto=https",
      "x-forwarded-host": "localhost",
    };
    const roster = await server.request(`/api/v1/classes/${othersClass}/enrolments`, { headers: spoofed });
    expect((await json(roster, 403)).error.code).toBe("forbidden");
    const forOther = await server.request(`/api/v1/classes/${othersClass}/enrolments`, {
      method: "POST",
      headers: spoofed,
      body: JSON.stringify({ memberId: ids.m2 }),
    });
    expect((await json(forOther, 403)).error.code).toBe("forbidden");
    const huge = await server.request(`/api/v1/classes/${othersClass}/enrolments`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokens.m1}`, "content-type": "application/json" },
      body: JSON.stringify({ memberId: ids.m1, padding: "x".repeat(3 * 1024 * 1024) }),
    });
    expect((await json(huge, 413)).error.code).toBe("payload_too_large");
    const { class: unchanged } = await json(await call("owner", `/api/v1/classes/${othersClass}`), 200);
    expect(unchanged).toMatchObject({ confirmed: 0, waitlisted: 0 });
  });

  it("refuses a cross-site cookie write as every other route does; the app's own page enrols", async () => {
    const signIn = await server.request("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.baseUrl },
      body: JSON.stringify(MIA),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((header) => header.split(";")[0]!)
      .find((pair) => pair.includes("session_token="))!;
    const target = `/api/v1/classes/${othersClass}/enrolments`;
    const forged = await server.request(target, {
      method: "POST",
      headers: { cookie, origin: "https://evil.example", "content-type": "text/plain", "sec-fetch-site": "cross-site" },
      body: "{}",
    });
    expect((await json(forged, 403)).error.code).toBe("forbidden");
    const plain = await server.request(target, { method: "POST", headers: { cookie, origin: server.baseUrl, "content-type": "text/plain" }, body: "{}" });
    expect((await json(plain, 415)).error.code).toBe("unsupported_media_type");
    expect((await json(await call("mia", `/api/v1/classes/${othersClass}`), 200)).class.myEnrolment).toBeNull();

    const own = await server.request(target, {
      method: "POST",
      headers: { cookie, "sec-fetch-site": "same-origin", "content-type": "application/json" },
      body: "{}",
    });
    expect((await json(own, 201)).enrolment.status).toBe("confirmed");
  });
});
