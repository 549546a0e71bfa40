// The demo seed: one owner, two coaches in their own zones with weekly rules,
// three members — once. A second run (or a run on a database with users)
// writes nothing. Seeded on any weekday at any hour, its "last week" holds a
// held session and a class with a roster, its "next Friday" is bookable and
// next week's one-off class is full (the browser suite relies on all four).
import { verifyPassword } from "better-auth/crypto";
import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import {
  accounts,
  bookings,
  classEnrolments,
  coachSettings,
  recurringBookings,
  standingPlaces,
  trainingSessions,
  users,
  weeklyAvailability,
} from "@/db/schema";
import { DEMO_ACCOUNTS, DEMO_CLASSES, demoOneOffClassDate, seedDemoData } from "@/server/demo-seed";
import { instantToWallClock } from "@/domain/time";
import { weeklyFigures } from "@/server/reports/weekly-figures";
import { clearBusinessData } from "../helpers/people";
import { createMigratedTestDatabase } from "../helpers/test-database";

/** A Friday afternoon: the day CI first went red on the seed's "last Friday". */
const NOW = new Date("2026-12-04T17:00:00Z");

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createMigratedTestDatabase();
});

afterAll(async () => {
  await handle?.close();
});

describe("seedDemoData", () => {
  it("seeds an owner, two coaches with zones and weekly rules, and three members", async () => {
    expect(await seedDemoData(handle.db, { now: NOW })).toBe(true);

    const rows = await handle.db
      .select({ id: users.id, email: users.email, role: users.role, timezone: coachSettings.timezone, defaultDuration: coachSettings.defaultDuration })
      .from(users)
      .leftJoin(coachSettings, eq(coachSettings.coachId, users.id))
      .orderBy(asc(users.email));
    expect(rows.filter((row) => row.role === "owner")).toHaveLength(1);
    expect(rows.filter((row) => row.role === "member")).toHaveLength(3);
    const coaches = rows.filter((row) => row.role === "coach");
    expect(coaches.map((coach) => [coach.email, coach.timezone])).toEqual([
      ["coach.newyork@coachbook.test", "America/New_York"],
      ["coach.paris@coachbook.test", "Europe/Paris"],
    ]);
    expect(coaches.every((coach) => (coach.defaultDuration ?? 0) > 0)).toBe(true);

    const rules = await handle.db
      .select({ coachId: weeklyAvailability.coachId, dayOfWeek: weeklyAvailability.dayOfWeek, startTime: weeklyAvailability.startTime, endTime: weeklyAvailability.endTime })
      .from(weeklyAvailability);
    for (const coach of coaches) {
      const own = rules.filter((rule) => rule.coachId === coach.id);
      for (const dayOfWeek of [1, 2, 3, 4, 5]) {
        expect(own).toContainEqual({ coachId: coach.id, dayOfWeek, startTime: "09:00", endTime: "12:00" });
        expect(own).toContainEqual({ coachId: coach.id, dayOfWeek, startTime: "14:00", endTime: "18:00" });
      }
      expect(own.some((rule) => rule.dayOfWeek === 0)).toBe(false);
    }
    const paris = coaches.find((coach) => coach.timezone === "Europe/Paris")!;
    expect(rules).toContainEqual({ coachId: paris.id, dayOfWeek: 6, startTime: "09:00", endTime: "12:00" });
    expect(rules).toHaveLength(21);
  });

  it("books through the real use cases, with a history: past sessions completed, the horizon filled", async () => {
    const series = await handle.db.select().from(recurringBookings).where(isNotNull(recurringBookings.memberId)).orderBy(asc(recurringBookings.frequency));
    expect(series.map((row) => [row.dayOfWeek, row.startTime, row.frequency, row.status])).toEqual([
      [2, "10:00", 1, "active"],
      [4, "15:00", 2, "active"],
    ]);
    const sessions = await handle.db.select().from(trainingSessions);
    const now = NOW.getTime();
    const past = sessions.filter((session) => session.endsAt.getTime() <= now);
    const ahead = sessions.filter((session) => session.startsAt.getTime() > now);
    // Three weeks of Tuesdays and last Friday's one-time session are history, all completed.
    expect(past.length).toBeGreaterThanOrEqual(3 + 1);
    expect(past.every((session) => session.status === "completed")).toBe(true);
    // 6 weeks ahead: 5–6 Tuesdays, 3 fortnightly Thursdays, next Friday's session.
    expect(ahead.length).toBeGreaterThanOrEqual(5 + 2 + 1);
    expect(ahead.every((session) => session.status === "scheduled")).toBe(true);
    const tuesdays = series[0]!;
    const lastTuesday = Math.max(...sessions.filter((s) => s.recurringBookingId === tuesdays.id).map((s) => s.startsAt.getTime()));
    expect(lastTuesday).toBeGreaterThan(now + 5 * 7 * 86_400_000);
    const oneTime = await handle.db.select().from(bookings);
    expect(oneTime).toHaveLength(2);
    expect(sessions.filter((session) => session.oneTimeBookingId !== null)).toHaveLength(2);
  });

  it("schedules Camille's weekly class with two standing places, its past classes with a roster, and a full one-off class", async () => {
    const [series, ...others] = await handle.db.select().from(recurringBookings).where(isNull(recurringBookings.memberId));
    expect(others).toEqual([]);
    expect(series).toMatchObject({ title: DEMO_CLASSES.weekly.title, dayOfWeek: 3, startTime: "18:30", endTime: "19:30", capacity: 8, status: "active" });
    const standing = await handle.db.select().from(standingPlaces).where(eq(standingPlaces.seriesId, series!.id));
    expect(standing.map((place) => place.status)).toEqual(["active", "active"]);

    const classes = await handle.db.select().from(trainingSessions).where(eq(trainingSessions.type, "GROUP")).orderBy(asc(trainingSessions.startsAt));
    const weekly = classes.filter((row) => row.recurringBookingId === series!.id);
    const past = weekly.filter((row) => row.endsAt.getTime() <= NOW.getTime());
    const ahead = weekly.filter((row) => row.startsAt.getTime() > NOW.getTime());
    // Three weeks of Wednesdays behind, six ahead: each with Alex's and Sam's places.
    expect(past.length).toBeGreaterThanOrEqual(2);
    expect(ahead.length).toBeGreaterThanOrEqual(5);
    expect(past.every((row) => row.status === "completed")).toBe(true);
    expect(weekly.every((row) => row.placesTaken === 2 && row.capacity === 8)).toBe(true);

    const oneOff = classes.filter((row) => row.recurringBookingId === null);
    expect(oneOff).toHaveLength(1);
    expect(oneOff[0]).toMatchObject({ title: DEMO_CLASSES.oneOff.title, capacity: 2, placesTaken: 2, status: "scheduled" });
    expect(instantToWallClock(oneOff[0]!.startsAt, "Europe/Paris")).toEqual({ date: demoOneOffClassDate(NOW), time: "10:00" });
    const places = await handle.db.select().from(classEnrolments).where(eq(classEnrolments.classId, oneOff[0]!.id));
    expect(places.map((place) => place.status)).toEqual(["confirmed", "confirmed"]);
  });

  it("gives every demo account the listed password", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const [row] = await handle.db
        .select({ hash: accounts.password, providerId: accounts.providerId })
        .from(accounts)
        .innerJoin(users, eq(users.id, accounts.userId))
        .where(eq(users.email, account.email));
      expect(row?.providerId).toBe("credential");
      expect(await verifyPassword({ hash: row!.hash!, password: account.password })).toBe(true);
    }
  });

  it("seeds nothing the second time", async () => {
    const count = async () => (await handle.db.select({ n: sql<number>`count(*)::int` }).from(users))[0]!.n;
    const before = await count();
    expect(await seedDemoData(handle.db, { now: NOW })).toBe(false);
    expect(await count()).toBe(before);
    expect(before).toBe(6);
  });

  it("seeds once when two first runs start at the same time", async () => {
    const fresh = await createMigratedTestDatabase();
    try {
      const results = await Promise.all([seedDemoData(fresh.db, { now: NOW }), seedDemoData(fresh.db, { now: NOW })]);
      expect(results.sort()).toEqual([false, true]);
      const [row] = await fresh.db.select({ n: sql<number>`count(*)::int` }).from(users);
      expect(row!.n).toBe(DEMO_ACCOUNTS.length);
    } finally {
      await fresh.close();
    }
  });
});

describe("seedDemoData on any weekday, at any hour", () => {
  // Each weekday of one week (business zone UTC, as in the tests), and the
  // hours where Paris, London and UTC disagree on the date or the week.
  const instants = [
    "2026-12-07T06:00:00Z", // Monday, early morning
    "2026-12-08T08:30:00Z", // Tuesday 09:30 Paris, before Alex's 10:00
    "2026-12-09T12:00:00Z", // Wednesday
    "2026-12-10T22:30:00Z", // Thursday 23:30 Paris: next Friday is tomorrow
    "2026-12-04T17:00:00Z", // Friday afternoon (CI's red day)
    "2026-12-11T22:30:00Z", // Friday 23:30 Paris
    "2026-12-11T23:30:00Z", // Friday 23:30 UTC, Saturday in Paris
    "2026-12-12T10:00:00Z", // Saturday
    "2026-12-13T23:30:00Z", // Sunday 23:30 UTC, Monday in Paris
    "2026-03-29T00:30:00Z", // Sunday of the spring-forward change in Paris
  ];

  it.each(instants)("seeded at %s: last week has Robin's held Friday and a class with its roster, next Friday is ahead, next week's one-off class is full", async (at) => {
    const now = new Date(at);
    await clearBusinessData(handle.db);
    expect(await seedDemoData(handle.db, { now })).toBe(true);

    const [owner] = await handle.db.select().from(users).where(eq(users.role, "owner"));
    const figures = await weeklyFigures({ db: handle.db, actor: owner!, now });
    const lastWeek = { from: new Date(figures.lastWeek.startsAt), to: new Date(figures.lastWeek.endsAt) };

    const robin = await handle.db
      .select({ startsAt: trainingSessions.startsAt, status: trainingSessions.status })
      .from(trainingSessions)
      .innerJoin(users, eq(users.id, trainingSessions.memberId))
      .where(eq(users.email, "member3@coachbook.test"))
      .orderBy(asc(trainingSessions.startsAt));
    expect(robin).toHaveLength(2);
    const [last, next] = robin as [(typeof robin)[0], (typeof robin)[0]];
    const parisFriday = (instant: Date) => Temporal.PlainDate.from(instantToWallClock(instant, "Europe/Paris").date).dayOfWeek;

    expect(last.status).toBe("completed");
    expect(last.startsAt >= lastWeek.from && last.startsAt < lastWeek.to).toBe(true);
    expect(parisFriday(last.startsAt)).toBe(5);
    // The owner's figures count it, with or without Alex's Tuesday there.
    expect(figures.lastWeek.held).toBeGreaterThanOrEqual(1);

    expect(next.status).toBe("scheduled");
    expect(parisFriday(next.startsAt)).toBe(5);
    // Beyond the 120 minutes' notice, and at most a week ahead.
    expect(next.startsAt.getTime()).toBeGreaterThan(now.getTime() + 120 * 60_000);
    expect(next.startsAt.getTime()).toBeLessThanOrEqual(now.getTime() + 8 * 86_400_000);

    // The class spec marks attendance in last week's class (Monday-based,
    // in the browser's London), and meets next week's full one-off class.
    const london = Temporal.PlainDate.from(instantToWallClock(now, "Europe/London").date);
    const lastMonday = london.subtract({ days: london.dayOfWeek - 1 + 7 });
    const [lastWeeksClass] = await handle.db
      .select()
      .from(trainingSessions)
      .where(and(eq(trainingSessions.type, "GROUP"), isNotNull(trainingSessions.recurringBookingId)))
      .then((rows) => rows.filter((row) => {
        const day = Temporal.PlainDate.from(instantToWallClock(row.startsAt, "Europe/London").date);
        return Temporal.PlainDate.compare(day, lastMonday) >= 0 && Temporal.PlainDate.compare(day, lastMonday.add({ days: 7 })) < 0;
      }));
    expect(lastWeeksClass).toMatchObject({ status: "completed", placesTaken: 2 });
    const [oneOff] = await handle.db.select().from(trainingSessions).where(and(eq(trainingSessions.type, "GROUP"), isNull(trainingSessions.recurringBookingId)));
    expect(oneOff).toMatchObject({ status: "scheduled", placesTaken: 2, capacity: 2 });
    expect(oneOff!.startsAt.getTime()).toBeGreaterThan(now.getTime() + 5 * 86_400_000);
    const londonMonday = london.subtract({ days: london.dayOfWeek - 1 });
    const oneOffDay = Temporal.PlainDate.from(instantToWallClock(oneOff!.startsAt, "Europe/London").date);
    // Next week in London, or (seeded late on a Sunday, already Monday in Paris) the week after.
    expect(londonMonday.until(oneOffDay).days).toBeGreaterThanOrEqual(7 + 5);
    expect(londonMonday.until(oneOffDay).days).toBeLessThanOrEqual(14 + 5);
  });
});
