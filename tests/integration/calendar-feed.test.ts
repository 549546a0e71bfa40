// Calendar feeds on a real database: a coach in New York whose weekly series
// crosses the 2027 spring-forward keeps 10:00 local in the feed (15:00Z, then
// 14:00Z); the feed's window (30 days back to the horizon, cancellations of
// the last 30 days only); the address shown again, the same for two first
// asks at once, never stored; a changed server secret replaces the feed;
// a member's places in group classes, and a class by its title for its coach.
import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import { calendarFeeds, trainingSessions } from "@/db/schema";
import { createRecurringBooking } from "@/server/bookings/create-recurring-booking";
import { cancelClass } from "@/server/classes/cancel-class";
import { cancelEnrolment } from "@/server/classes/cancel-enrolment";
import { createClass } from "@/server/classes/create-class";
import { enrolInClass } from "@/server/classes/enrol-in-class";
import { findCalendarFeed } from "@/server/calendar-feed/find-calendar-feed";
import { getCalendarFeed } from "@/server/calendar-feed/get-calendar-feed";
import { renderCalendarFeed } from "@/server/calendar-feed/render-calendar-feed";
import { revokeCalendarFeed } from "@/server/calendar-feed/revoke-calendar-feed";
import { rotateCalendarFeed } from "@/server/calendar-feed/rotate-calendar-feed";
import { addPerson, addWeeklyRules, clearBusinessData } from "../helpers/people";
import { rejection } from "../helpers/app-error";
import { useMigratedDatabase } from "../helpers/test-database";

let db: DatabaseOrTransaction;

useMigratedDatabase((handle) => {
  db = handle.db;
});

// Monday 2027-03-01 12:00 UTC. New York moves from EST (UTC−5) to EDT (UTC−4) on Sunday 2027-03-14.
const NOW = new Date("2027-03-01T12:00:00Z");
const SECRET = "integration-test-secret";
const BASE_URL = "https://studio.example";
const DAY = 86_400_000;

let coach: Actor;
let member: Actor;

beforeEach(async () => {
  await clearBusinessData(db);
  coach = await addPerson(db, "coach", { name: "Casey", timezone: "America/New_York" });
  member = await addPerson(db, "member", { name: "Mia" });
  await addWeeklyRules(db, coach.id, [[2, "09:00", "12:00"]]);
});

const feedOf = (actor: Actor) => getCalendarFeed({ db, actor, baseUrl: BASE_URL, secret: SECRET, now: NOW });
const fileOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);

interface ParsedEvent {
  uid: string;
  summary: string;
  start: Date;
  end: Date;
  status: string;
  sequence: number;
}

function parseFeed(text: string): { name: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      status: String(vevent.getFirstPropertyValue("status")),
      sequence: event.sequence,
    };
  });
  return { name: String(calendar.getFirstPropertyValue("x-wr-calname")), events };
}

async function render(actor: Actor, now = NOW) {
  const { url } = await feedOf(actor);
  return parseFeed(await renderCalendarFeed({ db, input: { file: fileOf(url) }, now }));
}

const newYorkTime = (date: Date) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: "America/New_York", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date);

describe("the feed across a daylight-saving change", () => {
  it("shows a New York series at 10:00 local on both sides of the spring-forward", async () => {
    const booked = await createRecurringBooking({
      db,
      actor: member,
      input: { coachId: coach.id, dayOfWeek: 2, startTime: "10:00", endTime: "11:00", startDate: "2027-03-09", endDate: "2027-03-16" },
      now: NOW,
    });
    expect(booked.sessions).toHaveLength(2);

    for (const [actor, other] of [
      [member, coach],
      [coach, member],
    ] as const) {
      const feed = await render(actor);
      expect(feed.name).toBe(`Coachbook — ${actor.name}`);
      expect(feed.events.map((event) => event.start.toISOString())).toEqual(["2027-03-09T15:00:00.000Z", "2027-03-16T14:00:00.000Z"]);
      expect(feed.events.map((event) => event.end.toISOString())).toEqual(["2027-03-09T16:00:00.000Z", "2027-03-16T15:00:00.000Z"]);
      expect(feed.events.map((event) => newYorkTime(event.start))).toEqual(["10:00", "10:00"]);
      expect(feed.events.map((event) => event.uid)).toEqual(booked.sessions.map((session) => `session-${session.id}@coachbook`));
      for (const event of feed.events) {
        expect(event).toMatchObject({ summary: `Session with ${other.name}`, status: "CONFIRMED", sequence: 0 });
      }
    }
  });
});

describe("what the feed holds", () => {
  async function addSession(at: Date, status: "scheduled" | "completed" | "cancelled" | "no_show" = "scheduled", cancelledAt?: Date) {
    const [row] = await db
      .insert(trainingSessions)
      .values({
        coachId: coach.id,
        memberId: member.id,
        startsAt: at,
        endsAt: new Date(at.getTime() + 3_600_000),
        status,
        cancelledAt: cancelledAt ?? null,
      })
      .returning({ id: trainingSessions.id });
    return `session-${row!.id}@coachbook`;
  }

  it("lists 30 days back to the horizon, and cancellations of the last 30 days only", async () => {
    const tooOld = await addSession(new Date(NOW.getTime() - 31 * DAY), "completed");
    const held = await addSession(new Date(NOW.getTime() - 29 * DAY), "completed");
    const noShow = await addSession(new Date(NOW.getTime() - 2 * DAY), "no_show");
    const upcoming = await addSession(new Date(NOW.getTime() + 2 * DAY));
    const cancelledLately = await addSession(new Date(NOW.getTime() + 3 * DAY), "cancelled", new Date(NOW.getTime() - DAY));
    const cancelledLongAgo = await addSession(new Date(NOW.getTime() + 4 * DAY), "cancelled", new Date(NOW.getTime() - 31 * DAY));
    const lastInHorizon = await addSession(new Date(NOW.getTime() + 6 * 7 * DAY - 3_600_000));
    const pastHorizon = await addSession(new Date(NOW.getTime() + 6 * 7 * DAY));
    // Someone else's session with this coach is in the coach's feed only.
    const other = await addPerson(db, "member", { name: "Noah" });
    await db.insert(trainingSessions).values({
      coachId: coach.id,
      memberId: other.id,
      startsAt: new Date(NOW.getTime() + 5 * DAY),
      endsAt: new Date(NOW.getTime() + 5 * DAY + 3_600_000),
    });

    const feed = await render(member);
    const uids = feed.events.map((event) => event.uid);
    expect(uids).toEqual([held, noShow, upcoming, cancelledLately, lastInHorizon]);
    expect(uids).not.toContain(tooOld);
    expect(uids).not.toContain(cancelledLongAgo);
    expect(uids).not.toContain(pastHorizon);
    const byUid = new Map(feed.events.map((event) => [event.uid, event]));
    expect(byUid.get(cancelledLately)).toMatchObject({ status: "CANCELLED", sequence: 1 });
    expect(byUid.get(noShow)).toMatchObject({ status: "CONFIRMED", sequence: 0 });

    const coachFeed = await render(coach);
    expect(coachFeed.events).toHaveLength(6);
    expect(coachFeed.events.map((event) => event.summary)).toContain("Session with Noah");
  });
});

describe("the feed's address", () => {
  it("is shown again, the same for two first asks at once, and only its hash is stored", async () => {
    const asks = await Promise.all([feedOf(member), feedOf(member), feedOf(member), feedOf(member)]);
    const first = asks[0]!;
    for (const answer of asks) expect(answer).toEqual(first);
    expect(await feedOf(member)).toEqual(first);
    expect(first.url).toMatch(/^https:\/\/studio\.example\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(first.webcalUrl).toBe(first.url.replace("https://", "webcal://"));
    expect(await findCalendarFeed({ db, actor: member, baseUrl: BASE_URL, secret: SECRET })).toEqual(first);

    const rows = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, member.id));
    expect(rows).toHaveLength(1);
    const token = fileOf(first.url).replace(/\.ics$/, "");
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("rotates and turns off: the old addresses answer not_found", async () => {
    const first = await feedOf(member);
    const rotated = await rotateCalendarFeed({ db, actor: member, baseUrl: BASE_URL, secret: SECRET, now: NOW });
    expect(rotated.url).not.toBe(first.url);
    expect((await rejection(renderCalendarFeed({ db, input: { file: fileOf(first.url) }, now: NOW }))).code).toBe("not_found");
    await renderCalendarFeed({ db, input: { file: fileOf(rotated.url) }, now: NOW });

    await revokeCalendarFeed({ db, actor: member, now: NOW });
    expect((await rejection(renderCalendarFeed({ db, input: { file: fileOf(rotated.url) }, now: NOW }))).code).toBe("not_found");
    expect(await findCalendarFeed({ db, actor: member, baseUrl: BASE_URL, secret: SECRET })).toBeNull();
    await revokeCalendarFeed({ db, actor: member, now: NOW }); // nothing to turn off: fine
    const again = await feedOf(member);
    expect([first.url, rotated.url]).not.toContain(again.url);
  });

  it("keeps one live feed when rotations and first asks race", async () => {
    const rotate = () => rotateCalendarFeed({ db, actor: member, baseUrl: BASE_URL, secret: SECRET, now: NOW });
    await Promise.all([rotate(), feedOf(member), rotate(), feedOf(member), rotate()]);
    const live = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, member.id));
    expect(live.filter((row) => row.revokedAt === null)).toHaveLength(1);
    const current = await feedOf(member);
    await renderCalendarFeed({ db, input: { file: fileOf(current.url) }, now: NOW });
  });

  it("is replaced when the server secret changed, since the old one can no longer be shown", async () => {
    const before = await feedOf(member);
    expect(await findCalendarFeed({ db, actor: member, baseUrl: BASE_URL, secret: "another-secret" })).toBeNull();
    const after = await getCalendarFeed({ db, actor: member, baseUrl: BASE_URL, secret: "another-secret", now: NOW });
    expect(after.url).not.toBe(before.url);
    expect((await rejection(renderCalendarFeed({ db, input: { file: fileOf(before.url) }, now: NOW }))).code).toBe("not_found");
    await renderCalendarFeed({ db, input: { file: fileOf(after.url) }, now: NOW });
  });

  it("refuses a malformed token like an unknown one, and a signed-out caller", async () => {
    for (const file of ["nothing.ics", "", `${"a".repeat(43)}.ics`, "../../etc/passwd"]) {
      expect((await rejection(renderCalendarFeed({ db, input: { file }, now: NOW }))).code).toBe("not_found");
    }
    expect((await rejection(getCalendarFeed({ db, actor: null, baseUrl: BASE_URL, secret: SECRET }))).code).toBe("unauthenticated");
  });
});

describe("group classes in the feed", () => {
  it("shows a member their places (not a waitlisted or given-up one), the coach the class by its title, and a cancelled class cancelled", async () => {
    // Tuesday 2027-03-02 14:00–15:00 UTC (09:00 in New York), two places.
    const times = { startsAt: "2027-03-02T14:00:00Z", endsAt: "2027-03-02T15:00:00Z" };
    const { class: pilates } = await createClass({ db, actor: coach, input: { coachId: coach.id, title: "Pilates", capacity: 2, ...times }, now: NOW });
    const quitter = await addPerson(db, "member", { name: "Quinn" });
    const held = await addPerson(db, "member", { name: "Hana" });
    const waiting = await addPerson(db, "member", { name: "Wes" });
    const given = await enrolInClass({ db, actor: quitter, input: { classId: pilates.id }, now: NOW });
    await enrolInClass({ db, actor: member, input: { classId: pilates.id }, now: NOW });
    await cancelEnrolment({ db, actor: quitter, input: { id: given.enrolment.id }, now: NOW });
    await enrolInClass({ db, actor: held, input: { classId: pilates.id }, now: NOW });
    expect((await enrolInClass({ db, actor: waiting, input: { classId: pilates.id }, now: NOW })).enrolment.status).toBe("waitlisted");

    const mine = (await render(member)).events;
    expect(mine).toEqual([
      expect.objectContaining({ summary: "Pilates with Casey", status: "CONFIRMED", sequence: 0, start: new Date(times.startsAt), end: new Date(times.endsAt) }),
    ]);
    expect((await render(held)).events.map((event) => event.uid)).toEqual([mine[0]!.uid]);
    expect((await render(waiting)).events).toEqual([]);
    expect((await render(quitter)).events).toEqual([]);
    expect((await render(coach)).events).toEqual([expect.objectContaining({ uid: mine[0]!.uid, summary: "Pilates", status: "CONFIRMED" })]);

    await cancelClass({ db, actor: coach, input: { id: pilates.id, reason: "Coach ill" }, now: NOW });
    for (const person of [member, held, coach]) {
      expect((await render(person)).events).toEqual([expect.objectContaining({ uid: mine[0]!.uid, status: "CANCELLED", sequence: 1 })]);
    }
  });
});
