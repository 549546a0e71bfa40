// generateSessions() on a real database: the DST case of the issue, parity of
// fortnightly series, conflicts recorded instead of dropped, idempotence
// (twice in a row and twice at once), completion of past sessions, the
// high-water mark that makes the run the day after proportional to one day,
// and the run record.
import { and, asc, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/auth/actor";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { checkInvariants } from "@/db/invariants";
import {
  blockedSlots,
  recurringBookings,
  sessionConflicts,
  sessionGenerationRuns,
  trainingSessions,
  weeklyAvailability,
} from "@/db/schema";
import { lockCoachCalendar } from "@/server/availability/coach-calendar";
import { generateSessions } from "@/server/sessions/generate-sessions";
import { GENERATION_LANES, generationLane } from "@/server/sessions/occurrences-sql";
import { updateUser } from "@/server/users/update-user";
import { ALL_WEEK, addPerson, addSeries, addWeeklyRules, clearBusinessData } from "../helpers/people";
import { useMigratedDatabase } from "../helpers/test-database";

let db: DatabaseOrTransaction;

useMigratedDatabase((handle) => {
  db = handle.db;
});

beforeEach(async () => {
  await clearBusinessData(db);
});

async function sessionsOf(seriesId: string) {
  return db
    .select()
    .from(trainingSessions)
    .where(eq(trainingSessions.recurringBookingId, seriesId))
    .orderBy(asc(trainingSessions.startsAt));
}

describe("generateSessions", () => {
  it("keeps 10:00 New York local across the spring-forward change (the issue's DST case)", async () => {
    const coach = await addPerson(db, "coach", { timezone: "America/New_York" });
    const member = await addPerson(db, "member");
    await addWeeklyRules(db, coach.id, ALL_WEEK);
    const seriesId = await addSeries(db, {
      memberId: member.id,
      coachId: coach.id,
      dayOfWeek: 0,
      startTime: "10:00",
      endTime: "11:00",
      startDate: "2027-02-28",
    });

    const result = await generateSessions(db, { weeksAhead: 6, now: new Date("2027-02-20T00:00:00Z"), trigger: "test" });

    const starts = (await sessionsOf(seriesId)).map((s) => s.startsAt.toISOString());
    expect(starts).toEqual([
      "2027-02-28T15:00:00.000Z",
      "2027-03-07T15:00:00.000Z",
      "2027-03-14T14:00:00.000Z",
      "2027-03-21T14:00:00.000Z",
      "2027-03-28T14:00:00.000Z",
    ]);
    expect(result).toMatchObject({ created: 5, conflicts: 0, completed: 0 });
  });

  it("keeps a fortnightly series' parity from its start date, not from the day it runs", async () => {
    const coach = await addPerson(db, "coach", { timezone: "Europe/Paris" });
    const member = await addPerson(db, "member");
    await addWeeklyRules(db, coach.id, ALL_WEEK);
    // Starts Tuesday 2027-01-05; every 2 weeks → 01-05, 01-19, 02-02, 02-16, 03-02 …
    const seriesId = await addSeries(db, {
      memberId: member.id,
      coachId: coach.id,
      dayOfWeek: 2,
      startTime: "09:00",
      endTime: "10:00",
      startDate: "2027-01-05",
      frequency: 2,
    });

    await generateSessions(db, { weeksAhead: 4, now: new Date("2027-02-08T12:00:00Z"), trigger: "test" });

    const dates = (await sessionsOf(seriesId)).map((s) => s.startsAt.toISOString().slice(0, 10));
    expect(dates).toEqual(["2027-02-16", "2027-03-02"]);
  });

  it("records occurrences that no longer fit as open conflicts, with the reason, and creates the rest", async () => {
    const coach = await addPerson(db, "coach", { timezone: "UTC" });
    const member = await addPerson(db, "member");
    await addWeeklyRules(db, coach.id, [[1, "09:00", "12:00"]]);
    const seriesId = await addSeries(db, {
      memberId: member.id,
      coachId: coach.id,
      dayOfWeek: 1,
      startTime: "10:00",
      endTime: "11:00",
      startDate: "2027-03-01",
    });
    await db.insert(blockedSlots).values({
      coachId: coach.id,
      startsAt: new Date("2027-03-08T00:00:00Z"),
      endsAt: new Date("2027-03-09T00:00:00Z"),
      reason: "Holiday",
    });

    const result = await generateSessions(db, { weeksAhead: 3, now: new Date("2027-02-27T00:00:00Z"), trigger: "test" });

    expect(result).toMatchObject({ created: 2, conflicts: 1 });
    const conflicts = await db.select().from(sessionConflicts).where(eq(sessionConflicts.recurringBookingId, seriesId));
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ reason: "blocked", status: "open", coachId: coach.id, memberId: member.id });
    expect(conflicts[0]!.startsAt.toISOString()).toBe("2027-03-08T10:00:00.000Z");
  });

  it("records an occurrence that meets a session already there as coach_busy or member_busy, and places the rest of its batch", async () => {
    // The generator inserts without searching first; the exclusion
    // constraints catch the overlap and the batch runs again, checked.
    const coach = await addPerson(db, "coach", { timezone: "UTC" });
    const otherCoach = await addPerson(db, "coach", { timezone: "UTC" });
    await addWeeklyRules(db, coach.id, ALL_WEEK);
    const members = [await addPerson(db, "member"), await addPerson(db, "member"), await addPerson(db, "member")];
    const series = [];
    for (const [index, member] of members.entries()) {
      series.push(
        await addSeries(db, {
          memberId: member.id,
          coachId: coach.id,
          dayOfWeek: 2,
          startTime: `${10 + index}:00`,
          endTime: `${11 + index}:00`,
          startDate: "2027-03-02",
        }),
      );
    }
    await db.insert(trainingSessions).values([
      // the coach already has someone else at 10:30 on the second Tuesday
      { coachId: coach.id, memberId: null, startsAt: new Date("2027-03-09T10:30Z"), endsAt: new Date("2027-03-09T11:00Z") },
      // the second member is with another coach at 11:00 on the first Tuesday
      { coachId: otherCoach.id, memberId: members[1]!.id, startsAt: new Date("2027-03-02T11:00Z"), endsAt: new Date("2027-03-02T12:00Z") },
    ]);

    const result = await generateSessions(db, { weeksAhead: 2, now: new Date("2027-03-01T00:00:00Z"), trigger: "test" });

    expect(result).toMatchObject({ created: 4, conflicts: 2 });
    const conflicts = await db.select().from(sessionConflicts).orderBy(asc(sessionConflicts.startsAt));
    expect(conflicts.map((c) => [c.recurringBookingId, c.startsAt.toISOString(), c.reason])).toEqual([
      [series[1], "2027-03-02T11:00:00.000Z", "member_busy"],
      [series[0], "2027-03-09T10:00:00.000Z", "coach_busy"],
    ]);
    expect((await sessionsOf(series[2]!)).map((s) => s.startsAt.toISOString())).toEqual([
      "2027-03-02T12:00:00.000Z",
      "2027-03-09T12:00:00.000Z",
    ]);
  });

  it("settles a member's two series whose coaches are in different lanes (run side by side on PostgreSQL): one session per date, the other a member_busy conflict", async () => {
    const laneOf = async (coachId: string) =>
      Number((await selectRows<{ lane: number }>(db, sql`SELECT ${generationLane(sql`${coachId}::text`)} AS lane`))[0]!.lane);
    const coaches: Actor[] = [];
    const lanes = new Set<number>();
    while (lanes.size < GENERATION_LANES) {
      const coach = await addPerson(db, "coach", { timezone: "UTC" });
      const lane = await laneOf(coach.id);
      if (lanes.has(lane)) continue;
      lanes.add(lane);
      coaches.push(coach);
      await addWeeklyRules(db, coach.id, ALL_WEEK);
    }
    const member = await addPerson(db, "member");
    const series = [];
    for (const coach of coaches) {
      series.push(
        await addSeries(db, { memberId: member.id, coachId: coach.id, dayOfWeek: 3, startTime: "10:00", endTime: "11:00", startDate: "2027-03-03" }),
      );
    }

    const result = await generateSessions(db, { weeksAhead: 4, now: new Date("2027-03-01T00:00:00Z"), trigger: "test" });

    expect(result).toMatchObject({ created: 4, conflicts: 4 * (coaches.length - 1) });
    const placed = await db.select().from(trainingSessions).orderBy(asc(trainingSessions.startsAt));
    expect(placed.map((session) => session.startsAt.toISOString())).toEqual([
      "2027-03-03T10:00:00.000Z",
      "2027-03-10T10:00:00.000Z",
      "2027-03-17T10:00:00.000Z",
      "2027-03-24T10:00:00.000Z",
    ]);
    const recorded = await db.select().from(sessionConflicts);
    expect(new Set(recorded.map((conflict) => conflict.reason))).toEqual(new Set(["member_busy"]));
    expect(await checkInvariants(db)).toEqual([]);
  });

  it("gives the slot to the older series when two new occurrences collide, and records the other", async () => {
    const coach = await addPerson(db, "coach", { timezone: "UTC" });
    const older = await addPerson(db, "member");
    const newer = await addPerson(db, "member");
    await addWeeklyRules(db, coach.id, ALL_WEEK);
    const common = { coachId: coach.id, dayOfWeek: 3, startTime: "10:00", endTime: "11:00", startDate: "2027-03-03" };
    const olderSeries = await addSeries(db, { ...common, memberId: older.id, createdAt: new Date("2027-01-01T00:00:00Z") });
    const newerSeries = await addSeries(db, { ...common, memberId: newer.id, createdAt: new Date("2027-01-02T00:00:00Z") });

    const result = await generateSessions(db, { weeksAhead: 1, now: new Date("2027-03-01T00:00:00Z"), trigger: "test" });

    expect(result).toMatchObject({ created: 1, conflicts: 1 });
    expect(await sessionsOf(olderSeries)).toHaveLength(1);
    expect(await sessionsOf(newerSeries)).toHaveLength(0);
    const [conflict] = await db.select().from(sessionConflicts);
    expect(conflict).toMatchObject({ recurringBookingId: newerSeries, reason: "coach_busy" });
  });

  it("a booking committed while a batch is placed: the batch runs again, arbitrated, and that occurrence becomes a conflict", async () => {
    const coach = await addPerson(db, "coach", { timezone: "UTC" });
    const member = await addPerson(db, "member");
    const other = await addPerson(db, "member");
    await addWeeklyRules(db, coach.id, ALL_WEEK);
    await addSeries(db, { memberId: member.id, coachId: coach.id, dayOfWeek: 3, startTime: "10:00", endTime: "11:00", startDate: "2027-03-03" });

    // Another booking of the coach's 2027-03-10 10:30, not yet committed when the run starts.
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let booked!: () => void;
    const isBooked = new Promise<void>((resolve) => (booked = resolve));
    const booking = db.transaction(async (tx) => {
      await tx.insert(trainingSessions).values({
        coachId: coach.id,
        memberId: other.id,
        startsAt: new Date("2027-03-10T10:30:00Z"),
        endsAt: new Date("2027-03-10T11:30:00Z"),
      });
      booked();
      await held;
    });
    await isBooked;
    // On PostgreSQL the run's checks cannot see it, and its insert waits on the
    // exclusion constraint until the booking commits (PGlite queues the run).
    const run = generateSessions(db, { weeksAhead: 2, now: new Date("2027-03-01T00:00:00Z"), trigger: "test" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    commit();
    await booking;

    expect(await run).toMatchObject({ created: 1, conflicts: 1 });
    const [conflict] = await db.select().from(sessionConflicts);
    expect(conflict).toMatchObject({ reason: "coach_busy", status: "open" });
    expect(conflict!.startsAt.toISOString()).toBe("2027-03-10T10:00:00.000Z");
  });

  it("a run during an availability change checks the new week: the occurrence it removed becomes a conflict", async () => {
    const coach = await addPerson(db, "coach", { timezone: "UTC" });
    const member = await addPerson(db, "member");
    await addWeeklyRules(db, coach.id, ALL_WEEK);
    await addSeries(db, { memberId: member.id, coachId: coach.id, dayOfWeek: 3, startTime: "10:00", endTime: "11:00", startDate: "2027-03-03" });

    // Hold the coach's calendar as an availability change does, with Wednesdays taken away.
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const change = db.transaction(async (tx) => {
      await lockCoachCalendar(tx, coach.id);
      await tx.delete(weeklyAvailability).where(and(eq(weeklyAvailability.coachId, coach.id), eq(weeklyAvailability.dayOfWeek, 3)));
      locked();
      await held;
    });
    await isLocked;
    const run = generateSessions(db, { weeksAhead: 1, now: new Date("2027-03-01T00:00:00Z"), trigger: "test" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    commit();
    await change;

    expect(await run).toMatchObject({ created: 0, conflicts: 1 });
    const [conflict] = await db.select().from(sessionConflicts);
    expect(conflict).toMatchObject({ reason: "outside_availability" });
  });

  it("creates nothing the second time, in a row or at once", async () => {
    const coach = await addPerson(db, "coach", { timezone: "Asia/Kolkata" });
    await addWeeklyRules(db, coach.id, ALL_WEEK);
    for (let i = 0; i < 12; i += 1) {
      const member = await addPerson(db, "member");
      await addSeries(db, {
        memberId: member.id,
        coachId: coach.id,
        dayOfWeek: i % 7,
        startTime: `${String(6 + i).padStart(2, "0")}:00`,
        endTime: `${String(6 + i).padStart(2, "0")}:30`,
        startDate: "2027-03-01",
      });
    }
    const now = new Date("2027-03-01T00:00:00Z");

    const [first, second] = await Promise.all([
      generateSessions(db, { weeksAhead: 4, now, trigger: "test", batchSize: 5 }),
      generateSessions(db, { weeksAhead: 4, now, trigger: "test", batchSize: 5 }),
    ]);
    const third = await generateSessions(db, { weeksAhead: 4, now, trigger: "test" });

    const total = (await db.select().from(trainingSessions)).length;
    expect(first.created + second.created).toBe(total);
    expect(total).toBeGreaterThanOrEqual(12 * 4 - 12);
    expect(first.conflicts + second.conflicts + third.conflicts).toBe(0);
    expect(third.created).toBe(0);
    expect(await db.select().from(sessionConflicts)).toHaveLength(0);
  });

  it("marks scheduled sessions whose end has passed as completed, leaving cancelled ones alone", async () => {
    const coach = await addPerson(db, "coach");
    const member = await addPerson(db, "member");
    const [past, cancelled, running] = await db
      .insert(trainingSessions)
      .values([
        { coachId: coach.id, memberId: member.id, startsAt: new Date("2027-03-01T09:00Z"), endsAt: new Date("2027-03-01T10:00Z") },
        {
          coachId: coach.id,
          memberId: member.id,
          startsAt: new Date("2027-03-01T10:00Z"),
          endsAt: new Date("2027-03-01T11:00Z"),
          status: "cancelled",
        },
        { coachId: coach.id, memberId: member.id, startsAt: new Date("2027-03-01T11:00Z"), endsAt: new Date("2027-03-01T12:00Z") },
      ])
      .returning();

    const result = await generateSessions(db, { weeksAhead: 1, now: new Date("2027-03-01T11:30:00Z"), trigger: "test" });

    expect(result.completed).toBe(1);
    const statuses = Object.fromEntries(
      (await db.select().from(trainingSessions)).map((row) => [row.id, row.status]),
    );
    expect(statuses).toEqual({ [past!.id]: "completed", [cancelled!.id]: "cancelled", [running!.id]: "scheduled" });
  });

  describe("the high-water mark (recurring_bookings.next_occurrence_on)", () => {
    async function markOf(seriesId: string) {
      const [row] = await db
        .select({ next: recurringBookings.nextOccurrenceOn })
        .from(recurringBookings)
        .where(eq(recurringBookings.id, seriesId));
      return row!.next;
    }

    /** Runs the generator and answers how many series it read, with its result. */
    async function run(now: string, weeksAhead = 6) {
      let seriesRead = 0;
      const result = await generateSessions(db, {
        weeksAhead,
        now: new Date(now),
        trigger: "test",
        onProgress: ({ seriesTotal }) => (seriesRead = seriesTotal),
      });
      return { ...result, seriesRead };
    }

    it("the run the day after reads only the series whose next occurrence is due, and adds just that one", async () => {
      const coach = await addPerson(db, "coach", { timezone: "Europe/Paris" });
      await addWeeklyRules(db, coach.id, ALL_WEEK);
      // Tuesday and Thursday series, 10:00 Paris, from Tuesday 2027-03-02;
      // the Thursday one ends on 2027-03-18 (three occurrences).
      const tuesday = await addSeries(db, {
        memberId: (await addPerson(db, "member")).id,
        coachId: coach.id,
        dayOfWeek: 2,
        startTime: "10:00",
        endTime: "11:00",
        startDate: "2027-03-02",
      });
      const thursday = await addSeries(db, {
        memberId: (await addPerson(db, "member")).id,
        coachId: coach.id,
        dayOfWeek: 4,
        startTime: "10:00",
        endTime: "11:00",
        startDate: "2027-03-02",
        endDate: "2027-03-18",
      });

      const first = await run("2027-03-01T12:00:00Z");
      expect(first).toMatchObject({ created: 6 + 3, seriesRead: 2 });
      // Six Tuesdays 03-02 … 04-06: the next is 04-13. Thursdays end on 03-18.
      expect(await markOf(tuesday)).toBe("2027-04-13");
      expect(await markOf(thursday)).toBe("2027-03-25");

      // An hour later nothing is due: the window ends on Monday 04-12, 13:00
      // UTC, before the next Tuesday; no series is even read.
      const sameDay = await run("2027-03-01T13:00:00Z");
      expect(sameDay).toMatchObject({ created: 0, seriesRead: 0 });

      const dayAfter = await run("2027-03-02T12:00:00Z");
      expect(dayAfter).toMatchObject({ created: 1, conflicts: 0, seriesRead: 1 });
      expect(await markOf(tuesday)).toBe("2027-04-20");
      expect((await sessionsOf(tuesday)).map((s) => s.startsAt.toISOString()).at(-1)).toBe("2027-04-13T08:00:00.000Z");
      expect(await sessionsOf(thursday)).toHaveLength(3);
    });

    it("starts a series whose first date is beyond the window when its time comes", async () => {
      const coach = await addPerson(db, "coach", { timezone: "UTC" });
      await addWeeklyRules(db, coach.id, ALL_WEEK);
      const seriesId = await addSeries(db, {
        memberId: (await addPerson(db, "member")).id,
        coachId: coach.id,
        dayOfWeek: 1,
        startTime: "09:00",
        endTime: "10:00",
        startDate: "2027-06-07",
      });

      expect(await run("2027-03-01T00:00:00Z")).toMatchObject({ created: 0 });
      expect(await markOf(seriesId)).toBeNull();
      expect(await run("2027-06-01T00:00:00Z", 2)).toMatchObject({ created: 2 });
      expect((await sessionsOf(seriesId)).map((s) => s.startsAt.toISOString())).toEqual([
        "2027-06-07T09:00:00.000Z",
        "2027-06-14T09:00:00.000Z",
      ]);
      expect(await markOf(seriesId)).toBe("2027-06-21");
    });

    it("reads a series whose next local date is a day past the window's UTC date, in a zone ahead of UTC", async () => {
      // Kiritimati is UTC+14: Tuesday 2027-03-09 01:00 there is Monday 03-08, 11:00 UTC.
      const coach = await addPerson(db, "coach", { timezone: "Pacific/Kiritimati" });
      await addWeeklyRules(db, coach.id, ALL_WEEK);
      const seriesId = await addSeries(db, {
        memberId: (await addPerson(db, "member")).id,
        coachId: coach.id,
        dayOfWeek: 2,
        startTime: "01:00",
        endTime: "02:00",
        startDate: "2027-03-02",
      });
      // Window until 03-08 00:00 UTC: only Tuesday 03-02; the mark moves to 03-09.
      expect(await run("2027-03-01T00:00:00Z", 1)).toMatchObject({ created: 1 });
      expect(await markOf(seriesId)).toBe("2027-03-09");
      // Window until 03-08 12:00 UTC: the 03-09 occurrence (11:00 UTC on 03-08) is due.
      expect(await run("2027-03-01T12:00:00Z", 1)).toMatchObject({ created: 1, seriesRead: 1 });
      expect((await sessionsOf(seriesId)).map((s) => s.startsAt.toISOString())).toEqual([
        "2027-03-01T11:00:00.000Z",
        "2027-03-08T11:00:00.000Z",
      ]);
    });

    it("applies a coach's new time zone from the first date not materialised yet: no session moves, none is doubled", async () => {
      const owner = await addPerson(db, "owner");
      const coach = await addPerson(db, "coach", { timezone: "Europe/Paris" });
      await addWeeklyRules(db, coach.id, ALL_WEEK);
      const seriesId = await addSeries(db, {
        memberId: (await addPerson(db, "member")).id,
        coachId: coach.id,
        dayOfWeek: 1,
        startTime: "10:00",
        endTime: "11:00",
        startDate: "2027-03-01",
      });
      await run("2027-02-28T00:00:00Z", 2); // Mondays 03-01 and 03-08, 10:00 Paris = 09:00Z

      await updateUser({ db, actor: owner, input: { id: coach.id, timezone: "America/New_York" } });
      const later = await run("2027-03-01T00:00:00Z", 3); // up to Monday 03-15

      expect(later).toMatchObject({ created: 1, conflicts: 0 });
      expect((await sessionsOf(seriesId)).map((s) => s.startsAt.toISOString())).toEqual([
        "2027-03-01T09:00:00.000Z",
        "2027-03-08T09:00:00.000Z",
        "2027-03-15T14:00:00.000Z", // 10:00 New York (EDT from 03-14)
      ]);
      expect(await db.select().from(sessionConflicts)).toHaveLength(0);
    });

    it("the day after, a session written by hand past a series' mark is kept, not doubled, and the rest is placed", async () => {
      // Nothing the app writes lies past a series' mark, but the run still
      // looks up what exists from the mark on: a row written there by hand
      // is kept, and its date is not placed again.
      const coach = await addPerson(db, "coach", { timezone: "UTC" });
      await addWeeklyRules(db, coach.id, ALL_WEEK);
      const series: Array<{ member: Actor; id: string }> = [];
      for (const hour of ["08", "09", "10"]) {
        const member = await addPerson(db, "member");
        const id = await addSeries(db, {
          memberId: member.id,
          coachId: coach.id,
          dayOfWeek: 2,
          startTime: `${hour}:00`,
          endTime: `${hour}:30`,
          startDate: "2027-03-02",
        });
        series.push({ member, id });
      }
      await run("2027-03-01T00:00:00Z", 2); // Tuesdays 03-02 and 03-09; marks at 03-16
      expect(await markOf(series[0]!.id)).toBe("2027-03-16");
      await db.insert(trainingSessions).values({
        coachId: coach.id,
        memberId: series[0]!.member.id,
        recurringBookingId: series[0]!.id,
        startsAt: new Date("2027-03-16T08:00:00Z"),
        endsAt: new Date("2027-03-16T08:30:00Z"),
      });

      const dayAfter = await run("2027-03-03T00:00:00Z", 2); // now up to Wednesday 03-17
      expect(dayAfter).toMatchObject({ created: 2, conflicts: 0, seriesRead: 3 });
      for (const { id } of series) {
        expect((await sessionsOf(id)).map((s) => s.startsAt.toISOString().slice(0, 10))).toEqual(["2027-03-02", "2027-03-09", "2027-03-16"]);
        expect(await markOf(id)).toBe("2027-03-23");
      }
      expect(await checkInvariants(db)).toEqual([]);
    });
  });

  it("records each run with its counts, and refuses weeksAhead outside 1–52", async () => {
    const result = await generateSessions(db, { weeksAhead: 2, now: new Date("2027-03-01T00:00Z"), trigger: "cli" });
    const [run] = await db.select().from(sessionGenerationRuns).where(eq(sessionGenerationRuns.id, result.runId));
    expect(run).toMatchObject({ status: "succeeded", trigger: "cli", weeksAhead: 2, createdCount: 0 });
    expect(run!.finishedAt).toBeInstanceOf(Date);

    await expect(generateSessions(db, { weeksAhead: 53, trigger: "test" })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { weeksAhead: expect.any(String) },
    });
    expect(
      await db.select().from(sessionGenerationRuns).where(and(eq(sessionGenerationRuns.weeksAhead, 53))),
    ).toHaveLength(0);
  });
});
