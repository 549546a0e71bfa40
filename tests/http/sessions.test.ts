// The sessions and conflicts REST routes against one real `next start`
// server, signed in with bearer tokens: the happy path of each route and each
// error status it can give (400 bad input, 401 anonymous, 403 a role that may
// never, 404 someone else's row — worded like a missing one — and 409 a state
// that forbids it), always in DESIGN.md's error shape.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseOrTransaction } from "@/db";
import {
  blockedSlots,
  coachSettings,
  recurringBookings,
  sessionConflicts,
  trainingSessions,
  type UserRole,
} from "@/db/schema";
import { insertUserWithPassword, signInForToken, startAppServer, type AppServer } from "../helpers/app-server";

type Person = "owner" | "coachA" | "coachB" | "memberA" | "memberB";
type Caller = Person | "anonymous";

const people: Record<Person, { email: string; name: string; role: UserRole; password: string }> = {
  owner: { email: "owner@example.com", name: "Olive", role: "owner", password: "owner-password-1" },
  coachA: { email: "carl@example.com", name: "Carl", role: "coach", password: "carl-password-1" },
  coachB: { email: "cleo@example.com", name: "Cleo", role: "coach", password: "cleo-password-1" },
  memberA: { email: "mia@example.com", name: "Mia", role: "member", password: "mia-password-1" },
  memberB: { email: "max@example.com", name: "Max", role: "member", password: "max-password-1" },
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The server runs on today's clock: every row is placed relative to the next whole hour. */
const base = Math.ceil(Date.now() / HOUR) * HOUR;
const slot = (offsetHours: number) => ({
  startsAt: new Date(base + offsetHours * HOUR),
  endsAt: new Date(base + (offsetHours + 1) * HOUR),
});
const day = (offsetDays: number) => new Date(base + offsetDays * DAY).toISOString().slice(0, 10);

const ids = {} as Record<Person, string>;
const sessions = {} as Record<"mine" | "othersMember" | "started" | "upcoming", string>;
const conflicts = {} as Record<"toDismiss" | "blocked", string>;
const tokens = {} as Record<Person, string>;
let server: AppServer;

beforeAll(async () => {
  server = await startAppServer({
    prepare: async (handle) => {
      const db: DatabaseOrTransaction = handle.db;
      for (const person of Object.keys(people) as Person[]) {
        ids[person] = await insertUserWithPassword(handle, people[person]);
      }
      await db.insert(coachSettings).values([
        { coachId: ids.coachA, timezone: "Europe/Paris" },
        { coachId: ids.coachB, timezone: null },
      ]);

      const insertSession = async (coach: Person, member: Person, at: ReturnType<typeof slot>) => {
        const [row] = await db
          .insert(trainingSessions)
          .values({ coachId: ids[coach], memberId: ids[member], ...at })
          .returning({ id: trainingSessions.id });
        return row!.id;
      };
      sessions.mine = await insertSession("coachA", "memberA", slot(48));
      sessions.othersMember = await insertSession("coachA", "memberB", slot(72));
      sessions.started = await insertSession("coachA", "memberA", slot(-1)); // began up to an hour ago
      sessions.upcoming = await insertSession("coachA", "memberA", slot(24));

      const [series] = await db
        .insert(recurringBookings)
        .values({ memberId: ids.memberA, coachId: ids.coachA, dayOfWeek: 1, startTime: "10:00", endTime: "11:00", startDate: day(0) })
        .returning({ id: recurringBookings.id });
      const conflictAt = async (at: ReturnType<typeof slot>) => {
        const [row] = await db
          .insert(sessionConflicts)
          .values({ recurringBookingId: series!.id, coachId: ids.coachA, memberId: ids.memberA, reason: "blocked", ...at })
          .returning({ id: sessionConflicts.id });
        return row!.id;
      };
      conflicts.toDismiss = await conflictAt(slot(24 * 7));
      conflicts.blocked = await conflictAt(slot(24 * 14));
      // Still blocked: a retry of that one cannot be placed.
      await db.insert(blockedSlots).values({ coachId: ids.coachA, ...slot(24 * 14) });
    },
  });
  for (const person of Object.keys(people) as Person[]) {
    tokens[person] = await signInForToken(server, people[person].email, people[person].password);
  }
});

afterAll(async () => {
  await server?.stop();
});

/** A failed expectation shows the response and the end of the server's log. */
async function explain(response: Response): Promise<string> {
  return `${response.status} ${await response.clone().text()}\n${server.output().slice(-2000)}`;
}

function call(caller: Caller, pathname: string, body?: unknown): Promise<Response> {
  const headers = new Headers();
  if (caller !== "anonymous") headers.set("authorization", `Bearer ${tokens[caller]}`);
  if (body === undefined) return server.request(pathname, { headers });
  headers.set("content-type", "application/json");
  return server.request(pathname, { method: "POST", headers, body: JSON.stringify(body) });
}

/** An answer's body: the tests read its fields directly, and their assertions check the shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = Record<string, any>;

/** Asserts the status and, for errors, the API's error shape (docs/api.md) with this code; returns the body. */
async function expectStatus(response: Response, status: number, code?: string): Promise<Answer> {
  expect(response.status, await explain(response)).toBe(status);
  const body = (await response.json()) as Answer;
  if (code) {
    expect(body.error).toMatchObject({ code, message: expect.any(String) });
  } else {
    expect(body.error).toBeUndefined();
  }
  return body;
}

describe("GET /api/v1/sessions", () => {
  const range = () => `from=${day(-1)}&to=${day(10)}`;

  it("lists a member's own sessions only, and the owner's all", async () => {
    const mine = await expectStatus(await call("memberA", `/api/v1/sessions?${range()}`), 200);
    expect(mine.sessions.map((session: { id: string }) => session.id).sort()).toEqual(
      [sessions.mine, sessions.started, sessions.upcoming].sort(),
    );
    expect(mine.sessions[0]).toMatchObject({ coach: { id: ids.coachA, name: "Carl", timezone: "Europe/Paris" }, status: "scheduled" });

    const all = await expectStatus(await call("owner", `/api/v1/sessions?${range()}&memberId=${ids.memberB}`), 200);
    expect(all.sessions.map((session: { id: string }) => session.id)).toEqual([sessions.othersMember]);
  });

  it("answers 400 naming the field, and 401 without a session", async () => {
    const bad = await expectStatus(await call("owner", "/api/v1/sessions?from=2027-02-30"), 400, "invalid_input");
    expect(Object.keys(bad.error.fields)).toEqual(["from"]);
    await expectStatus(await call("anonymous", "/api/v1/sessions"), 401, "unauthenticated");
  });
});

describe("POST /api/v1/sessions/:id/cancel", () => {
  it("cancels the member's own session, then 409 on a second try", async () => {
    const body = await expectStatus(await call("memberA", `/api/v1/sessions/${sessions.mine}/cancel`, { reason: "Away" }), 200);
    expect(body.session).toMatchObject({ id: sessions.mine, status: "cancelled", cancellationReason: "Away" });

    const again = await expectStatus(await call("memberA", `/api/v1/sessions/${sessions.mine}/cancel`, {}), 409, "conflict");
    expect(again.error.message).toMatch(/cancelled/);
  });

  it("answers 404 for another member's session (like a missing id), 400 and 401", async () => {
    const foreign = await expectStatus(await call("memberA", `/api/v1/sessions/${sessions.othersMember}/cancel`, {}), 404, "not_found");
    const missing = await expectStatus(await call("memberA", "/api/v1/sessions/no-such-id/cancel", {}), 404, "not_found");
    expect(foreign.error.message.replace(sessions.othersMember, "ID")).toBe(missing.error.message.replace("no-such-id", "ID"));

    const tooLong = await expectStatus(
      await call("memberB", `/api/v1/sessions/${sessions.othersMember}/cancel`, { reason: "x".repeat(1001) }),
      400,
      "invalid_input",
    );
    expect(Object.keys(tooLong.error.fields)).toEqual(["reason"]);
    await expectStatus(await call("anonymous", `/api/v1/sessions/${sessions.othersMember}/cancel`, {}), 401, "unauthenticated");
  });
});

describe("POST /api/v1/sessions/:id/no-show", () => {
  it("lets the coach mark a started session; 409 before it starts", async () => {
    const body = await expectStatus(await call("coachA", `/api/v1/sessions/${sessions.started}/no-show`, {}), 200);
    expect(body.session).toMatchObject({ id: sessions.started, status: "no_show" });
    const early = await expectStatus(await call("coachA", `/api/v1/sessions/${sessions.upcoming}/no-show`, {}), 409, "conflict");
    expect(early.error.message).toMatch(/not started/);
  });

  it("answers 403 to a member, 404 to another coach, 400 for an unknown field, 401 anonymous", async () => {
    await expectStatus(await call("memberA", `/api/v1/sessions/${sessions.upcoming}/no-show`, {}), 403, "forbidden");
    await expectStatus(await call("coachB", `/api/v1/sessions/${sessions.upcoming}/no-show`, {}), 404, "not_found");
    const bad = await expectStatus(
      await call("coachA", `/api/v1/sessions/${sessions.upcoming}/no-show`, { status: "no_show" }),
      400,
      "invalid_input",
    );
    expect(Object.keys(bad.error.fields)).toEqual(["status"]);
    await expectStatus(await call("anonymous", `/api/v1/sessions/${sessions.upcoming}/no-show`, {}), 401, "unauthenticated");
  });
});

describe("GET /api/v1/conflicts", () => {
  it("lists the coach's open conflicts; another coach sees none", async () => {
    const body = await expectStatus(await call("coachA", "/api/v1/conflicts"), 200);
    expect(body.conflicts.map((conflict: { id: string }) => conflict.id).sort()).toEqual(
      [conflicts.toDismiss, conflicts.blocked].sort(),
    );
    expect(body.conflicts[0]).toMatchObject({
      series: { dayOfWeek: 1, startTime: "10:00", endTime: "11:00" },
      member: { id: ids.memberA, name: "Mia" },
      coach: { id: ids.coachA, name: "Carl", timezone: "Europe/Paris" },
      reason: "blocked",
      status: "open",
    });
    expect((await expectStatus(await call("coachB", "/api/v1/conflicts?status=all"), 200)).conflicts).toEqual([]);
  });

  it("answers 403 to a member, 400 for an unknown status, 401 anonymous", async () => {
    await expectStatus(await call("memberA", "/api/v1/conflicts"), 403, "forbidden");
    const bad = await expectStatus(await call("owner", "/api/v1/conflicts?status=closed"), 400, "invalid_input");
    expect(Object.keys(bad.error.fields)).toEqual(["status"]);
    await expectStatus(await call("anonymous", "/api/v1/conflicts"), 401, "unauthenticated");
  });
});

describe("POST /api/v1/conflicts/:id/resolve", () => {
  it("dismisses with a note, then 409 once resolved; a retry still blocked is 409 naming the reason", async () => {
    const body = await expectStatus(
      await call("owner", `/api/v1/conflicts/${conflicts.toDismiss}/resolve`, { action: "dismiss", note: "Agreed" }),
      200,
    );
    expect(body).toMatchObject({ conflict: { id: conflicts.toDismiss, status: "resolved", resolution: "dismissed: Agreed" }, session: null });
    await expectStatus(await call("owner", `/api/v1/conflicts/${conflicts.toDismiss}/resolve`, { action: "dismiss" }), 409, "conflict");

    const blocked = await expectStatus(
      await call("coachA", `/api/v1/conflicts/${conflicts.blocked}/resolve`, { action: "retry" }),
      409,
      "conflict",
    );
    expect(blocked.error.message).toMatch(/blocked/);
  });

  it("answers 404 to another coach, 403 to a member, 400 for an unknown action, 401 anonymous", async () => {
    const path = `/api/v1/conflicts/${conflicts.blocked}/resolve`;
    await expectStatus(await call("coachB", path, { action: "dismiss" }), 404, "not_found");
    await expectStatus(await call("memberA", path, { action: "dismiss" }), 403, "forbidden");
    const bad = await expectStatus(await call("coachA", path, { action: "ignore" }), 400, "invalid_input");
    expect(Object.keys(bad.error.fields)).toEqual(["action"]);
    await expectStatus(await call("anonymous", path, { action: "dismiss" }), 401, "unauthenticated");
    // None of these changed it.
    const still = await expectStatus(await call("coachA", "/api/v1/conflicts"), 200);
    expect(still.conflicts.map((conflict: { id: string }) => conflict.id)).toEqual([conflicts.blocked]);
  });
});
