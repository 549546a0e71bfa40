// Calendar feeds over real HTTP: a member books sessions through the API and
// cancels one; the address from GET /api/v1/me/calendar-feed then serves
// their sessions as iCalendar with no cookie nor token (ical.js parses it):
// their UIDs, the cancelled one as STATUS:CANCELLED, nobody else's. Two first
// asks at once get one address; rotating makes the old one 404 and the new
// one work; turning it off makes it 404; signed out is 401.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseOrTransaction } from "@/db";
import { trainingSessions } from "@/db/schema";
import { ALL_WEEK, addWeeklyRules } from "../helpers/people";
import { insertUserWithPassword, signInForToken, startAppServer, type AppServer } from "../helpers/app-server";

const PASSWORD = "amber-pylon-73";
const people = {
  coach: { email: "carl@example.com", name: "Carl", role: "coach" as const, password: PASSWORD },
  mia: { email: "mia@example.com", name: "Mia", role: "member" as const, password: PASSWORD },
  max: { email: "max@example.com", name: "Max", role: "member" as const, password: PASSWORD },
};
type Person = keyof typeof people;
const ids = {} as Record<Person, string>;
const tokens = {} as Record<Person, string>;
let server: AppServer;

const DAY = 86_400_000;
/** A UTC date `days` from today: 10:00Z on the day after tomorrow is always more than a day ahead, whatever the hour now. */
const dayFromToday = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const at = (days: number, hour: number) => `${dayFromToday(days)}T${String(hour).padStart(2, "0")}:00:00.000Z`;

/** Booked through the API (mia: kept, cancelled; max: one of his own) and written in the past (mia: held). */
const sessions = {} as Record<"kept" | "cancelled" | "maxs" | "held", string>;

beforeAll(async () => {
  server = await startAppServer({
    env: { BUSINESS_TIMEZONE: "UTC" },
    prepare: async (handle) => {
      const db: DatabaseOrTransaction = handle.db;
      for (const person of Object.keys(people) as Person[]) ids[person] = await insertUserWithPassword(handle, people[person]);
      await addWeeklyRules(db, ids.coach, ALL_WEEK);
      // Three days ago, held: nothing books the past, so it is written directly.
      const startsAt = new Date(Date.now() - 3 * DAY);
      const [held] = await db
        .insert(trainingSessions)
        .values({ coachId: ids.coach, memberId: ids.mia, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), status: "completed" })
        .returning({ id: trainingSessions.id });
      sessions.held = held!.id;
    },
  });
  for (const person of Object.keys(people) as Person[]) {
    tokens[person] = await signInForToken(server, people[person].email, people[person].password);
  }

  const book = async (who: Person, days: number, hour: number) => {
    const body = await json(
      await call(who, "POST", "/api/v1/bookings", { coachId: ids.coach, startsAt: at(days, hour), endsAt: at(days, hour + 1) }),
      201,
    );
    return body.session.id as string;
  };
  sessions.kept = await book("mia", 2, 10);
  sessions.cancelled = await book("mia", 3, 10);
  sessions.maxs = await book("max", 2, 12);
  await json(await call("mia", "POST", `/api/v1/sessions/${sessions.cancelled}/cancel`, { reason: "Away" }), 200);
});

afterAll(async () => {
  await server?.stop();
});

function call(who: Person | "anonymous", method: string, pathname: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (who !== "anonymous") headers.authorization = `Bearer ${tokens[who]}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  return server.request(pathname, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function json(response: Response, status: number): Promise<Record<string, any>> {
  const text = await response.text();
  expect(response.status, `${text}\n${server.output().slice(-1500)}`).toBe(status);
  return JSON.parse(text);
}

async function feedUrl(who: Person): Promise<{ url: string; webcalUrl: string }> {
  return (await json(await call(who, "GET", "/api/v1/me/calendar-feed"), 200)) as { url: string; webcalUrl: string };
}

/** The feed as a calendar app fetches it: no cookie, no Authorization. */
function fetchFeed(url: string): Promise<Response> {
  return server.request(new URL(url).pathname);
}

interface ParsedEvent {
  uid: string;
  summary: string;
  start: string;
  status: string;
  sequence: number;
}

async function readFeed(url: string): Promise<{ name: string; events: ParsedEvent[] }> {
  const response = await fetchFeed(url);
  const text = await response.text();
  expect(response.status, `${text}\n${server.output().slice(-1500)}`).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
  expect(response.headers.get("cache-control")).toBe("no-store");
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      status: String(vevent.getFirstPropertyValue("status")),
      sequence: event.sequence,
    };
  });
  return { name: String(calendar.getFirstPropertyValue("x-wr-calname")), events };
}

const uid = (id: string) => `session-${id}@coachbook`;

describe("the calendar feed", () => {
  it("answers the feed's address on this server, the same for two first asks at once", async () => {
    const [first, second] = await Promise.all([feedUrl("mia"), feedUrl("mia")]);
    expect(first).toEqual(second);
    expect(first.url).toMatch(new RegExp(`^${server.baseUrl}/api/calendar-feeds/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(first.webcalUrl).toBe(first.url.replace(/^http:\/\//, "webcal://"));
    expect(await feedUrl("mia")).toEqual(first);
  });

  it("serves the member's sessions with no sign-in: held, upcoming and cancelled, and nobody else's", async () => {
    const feed = await readFeed((await feedUrl("mia")).url);
    expect(feed.name).toBe("Coachbook — Mia");
    expect(feed.events.map((event) => event.uid)).toEqual([uid(sessions.held), uid(sessions.kept), uid(sessions.cancelled)]);
    const byUid = new Map(feed.events.map((event) => [event.uid, event]));
    expect(byUid.get(uid(sessions.held))).toMatchObject({ status: "CONFIRMED", sequence: 0, summary: "Session with Carl" });
    expect(byUid.get(uid(sessions.kept))).toMatchObject({ status: "CONFIRMED", sequence: 0, start: at(2, 10) });
    expect(byUid.get(uid(sessions.cancelled))).toMatchObject({ status: "CANCELLED", sequence: 1, start: at(3, 10) });
  });

  it("serves the coach every member's sessions, and another member only theirs", async () => {
    const coachFeed = await readFeed((await feedUrl("coach")).url);
    expect(coachFeed.events.map((event) => event.uid).sort()).toEqual(
      [sessions.held, sessions.kept, sessions.cancelled, sessions.maxs].map(uid).sort(),
    );
    expect(coachFeed.events.find((event) => event.uid === uid(sessions.maxs))?.summary).toBe("Session with Max");

    const maxFeed = await readFeed((await feedUrl("max")).url);
    expect(maxFeed.events.map((event) => event.uid)).toEqual([uid(sessions.maxs)]);
    expect(maxFeed.name).toBe("Coachbook — Max");
  });

  it("rotates: the old address answers 404, the new one works", async () => {
    const old = await feedUrl("mia");
    const rotated = await json(await call("mia", "POST", "/api/v1/me/calendar-feed/rotate"), 200);
    expect(rotated.url).not.toBe(old.url);
    expect(rotated.webcalUrl).toBe(rotated.url.replace(/^http:\/\//, "webcal://"));
    const gone = await fetchFeed(old.url);
    expect(gone.status).toBe(404);
    expect((await readFeed(rotated.url)).events).toHaveLength(3);
    expect(await feedUrl("mia")).toEqual(rotated);
  });

  it("turns off: 204, then the address answers 404; asking again gives a new one", async () => {
    const live = await feedUrl("mia");
    const off = await call("mia", "DELETE", "/api/v1/me/calendar-feed");
    expect(off.status).toBe(204);
    expect(await off.text()).toBe("");
    expect((await fetchFeed(live.url)).status).toBe(404);
    expect((await call("mia", "DELETE", "/api/v1/me/calendar-feed")).status).toBe(204);
    const again = await feedUrl("mia");
    expect(again.url).not.toBe(live.url);
    expect((await readFeed(again.url)).events).toHaveLength(3);
  });

  it("shows the address on the Account page, or that the feed is off", async () => {
    const page = async (who: Person) => {
      const response = await server.request("/account", { headers: { authorization: `Bearer ${tokens[who]}` }, redirect: "manual" });
      expect(response.status).toBe(200);
      return response.text();
    };
    const live = await feedUrl("mia");
    const html = await page("mia");
    expect(html).toContain(live.url);
    expect(html).toContain(`href="${live.webcalUrl}"`);
    expect(html).toContain("New address");
    await call("max", "DELETE", "/api/v1/me/calendar-feed");
    expect(await page("max")).toContain("Your calendar feed is off.");
  });

  it("answers 404 to an unknown or malformed token, alike", async () => {
    for (const file of [`${"A".repeat(43)}.ics`, "nope.ics", "x"]) {
      const response = await server.request(`/api/calendar-feeds/${file}`);
      expect(response.status, file).toBe(404);
      expect((await response.json()).error.code).toBe("not_found");
    }
  });

  it("answers 401 to the feed operations signed out", async () => {
    await json(await call("anonymous", "GET", "/api/v1/me/calendar-feed"), 401);
    await json(await call("anonymous", "POST", "/api/v1/me/calendar-feed/rotate"), 401);
    await json(await call("anonymous", "DELETE", "/api/v1/me/calendar-feed"), 401);
  });
});
