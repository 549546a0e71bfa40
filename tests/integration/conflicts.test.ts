// Generation conflicts on a real database: produced by generateSessions
// (a blocked slot on one occurrence), listed per coach and for the owner,
// dismissed (the occurrence stays skipped, even when the generator runs
// again) or retried (placed once it fits; 409 with the reason while it still
// does not: blocked, outside availability, coach or member busy).
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import {
  availabilityAdditions,
  blockedSlots,
  recurringBookings,
  sessionConflicts,
  trainingSessions,
  weeklyAvailability,
} from "@/db/schema";
import { AppError } from "@/domain/errors";
import { listConflicts } from "@/server/conflicts/list-conflicts";
import { resolveConflict } from "@/server/conflicts/resolve-conflict";
import { generateSessions } from "@/server/sessions/generate-sessions";
import { listSessions } from "@/server/sessions/list-sessions";
import { ALL_WEEK, addPerson, addSeries, addWeeklyRules, clearBusinessData } from "../helpers/people";
import { useMigratedDatabase } from "../helpers/test-database";

let db: DatabaseOrTransaction;

useMigratedDatabase((handle) => {
  db = handle.db;
});

/** Monday 1 March 2027, noon UTC. */
const now = new Date("2027-03-01T12:00:00Z");

let owner: Actor;
let coachA: Actor;
let coachB: Actor;
let memberA: Actor;
let memberB: Actor;
let seriesA: string;
let seriesB: string;
/** coachA's block over Tuesday 9 March (Paris), which series A's second occurrence falls into. */
let blockA: string;

beforeEach(async () => {
  await clearBusinessData(db);
  owner = await addPerson(db, "owner", { name: "Olive" });
  coachA = await addPerson(db, "coach", { name: "Carl", timezone: "Europe/Paris" });
  coachB = await addPerson(db, "coach", { name: "Cleo" });
  memberA = await addPerson(db, "member", { name: "Mia" });
  memberB = await addPerson(db, "member", { name: "Max" });
  await addWeeklyRules(db, coachA.id, ALL_WEEK);
  await addWeeklyRules(db, coachB.id, ALL_WEEK);
  // Tuesdays 10:00–11:00 Paris (09:00Z in March) and Wednesdays 10:00–11:00 UTC.
  seriesA = await addSeries(db, { memberId: memberA.id, coachId: coachA.id, dayOfWeek: 2, startTime: "10:00", endTime: "11:00", startDate: "2027-03-02" });
  seriesB = await addSeries(db, { memberId: memberB.id, coachId: coachB.id, dayOfWeek: 3, startTime: "10:00", endTime: "11:00", startDate: "2027-03-03" });
  const [block] = await db
    .insert(blockedSlots)
    .values({ coachId: coachA.id, startsAt: new Date("2027-03-09T00:00:00+01:00"), endsAt: new Date("2027-03-10T00:00:00+01:00"), reason: "Course" })
    .returning({ id: blockedSlots.id });
  blockA = block!.id;
  await db.insert(blockedSlots).values({ coachId: coachB.id, startsAt: new Date("2027-03-10T00:00:00Z"), endsAt: new Date("2027-03-11T00:00:00Z") });

  const run = await generateSessions(db, { weeksAhead: 3, now, trigger: "test" });
  expect(run).toMatchObject({ created: 4, conflicts: 2 });
});

/** The AppError a promise rejects with. */
async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected an AppError, the call succeeded");
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function conflictOf(seriesId: string) {
  const [row] = await db.select().from(sessionConflicts).where(eq(sessionConflicts.recurringBookingId, seriesId));
  return row!;
}

async function sessionsAt(seriesId: string, startsAt: Date) {
  return db
    .select()
    .from(trainingSessions)
    .where(and(eq(trainingSessions.recurringBookingId, seriesId), eq(trainingSessions.startsAt, startsAt)));
}

describe("listConflicts", () => {
  it("shows a coach their own conflicts and the owner everyone's", async () => {
    const forA = await listConflicts({ db, actor: coachA });
    expect(forA.map((conflict) => conflict.series.id)).toEqual([seriesA]);
    const forB = await listConflicts({ db, actor: coachB });
    expect(forB.map((conflict) => conflict.series.id)).toEqual([seriesB]);
    const all = await listConflicts({ db, actor: owner });
    expect(all.map((conflict) => conflict.series.id)).toEqual([seriesA, seriesB]);
    expect((await listConflicts({ db, actor: owner, input: { coachId: coachB.id } })).map((c) => c.id)).toEqual([forB[0]!.id]);
    // A coach's filter cannot widen their scope.
    expect(await listConflicts({ db, actor: coachA, input: { coachId: coachB.id } })).toEqual([]);
  });

  it("answers the series, the people, the instants and the state", async () => {
    const [conflict] = await listConflicts({ db, actor: coachA });
    expect(conflict).toEqual({
      id: expect.any(String),
      series: { id: seriesA, dayOfWeek: 2, startTime: "10:00", endTime: "11:00", title: null },
      member: { id: memberA.id, name: "Mia" },
      coach: { id: coachA.id, name: "Carl", timezone: "Europe/Paris" },
      startsAt: "2027-03-09T09:00:00.000Z",
      endsAt: "2027-03-09T10:00:00.000Z",
      reason: "blocked",
      status: "open",
      resolution: null,
      detectedAt: now.toISOString(),
      resolvedAt: null,
    });
  });

  it("is never a member's to see (403)", async () => {
    expect((await appError(listConflicts({ db, actor: memberA }))).code).toBe("forbidden");
  });

  it("refuses an unknown status filter, naming the field", async () => {
    const error = await appError(listConflicts({ db, actor: owner, input: { status: "closed" as "open" } }));
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fields ?? {})).toEqual(["status"]);
  });
});

describe("resolveConflict", () => {
  it("dismisses: resolved with the note, the occurrence stays skipped even when the generator runs again", async () => {
    const { id } = await conflictOf(seriesA);
    const later = new Date("2027-03-02T08:00:00Z");
    const result = await resolveConflict({ db, actor: coachA, input: { id, action: "dismiss", note: "Moved to Thursday" }, now: later });
    expect(result.session).toBeNull();
    expect(result.conflict).toMatchObject({
      id,
      status: "resolved",
      resolution: "dismissed: Moved to Thursday",
      resolvedAt: later.toISOString(),
    });

    expect(await listConflicts({ db, actor: coachA })).toEqual([]);
    expect((await listConflicts({ db, actor: coachA, input: { status: "resolved" } })).map((c) => c.id)).toEqual([id]);
    expect(await listConflicts({ db, actor: coachA, input: { status: "all" } })).toHaveLength(1);

    await db.delete(blockedSlots).where(eq(blockedSlots.id, blockA));
    expect(await generateSessions(db, { weeksAhead: 3, now, trigger: "test" })).toMatchObject({ created: 0, conflicts: 0 });
    expect(await sessionsAt(seriesA, new Date("2027-03-09T09:00:00Z"))).toEqual([]);
  });

  it("answers 409 for a conflict already resolved", async () => {
    const { id } = await conflictOf(seriesA);
    await resolveConflict({ db, actor: owner, input: { id, action: "dismiss" }, now });
    expect((await conflictOf(seriesA)).resolution).toBe("dismissed");
    const again = await appError(resolveConflict({ db, actor: owner, input: { id, action: "retry" }, now }));
    expect(again.code).toBe("conflict");
    expect(again.message).toMatch(/already resolved \(dismissed\)/);
  });

  it("retries while still blocked: 409 naming the reason, nothing changes", async () => {
    const { id } = await conflictOf(seriesA);
    const error = await appError(resolveConflict({ db, actor: coachA, input: { id, action: "retry" }, now }));
    expect(error.code).toBe("conflict");
    expect(error.message).toMatch(/blocked/);
    expect((await conflictOf(seriesA)).status).toBe("open");
    expect(await sessionsAt(seriesA, new Date("2027-03-09T09:00:00Z"))).toEqual([]);
  });

  it("retries after the blocking slot is removed: the session is placed and the conflict resolved", async () => {
    const { id } = await conflictOf(seriesA);
    await db.delete(blockedSlots).where(eq(blockedSlots.id, blockA));

    const result = await resolveConflict({ db, actor: coachA, input: { id, action: "retry", note: "Course cancelled" }, now });
    expect(result.conflict).toMatchObject({ status: "resolved", resolution: "placed: Course cancelled", resolvedAt: now.toISOString() });
    expect(result.session).toMatchObject({
      startsAt: "2027-03-09T09:00:00.000Z",
      endsAt: "2027-03-09T10:00:00.000Z",
      status: "scheduled",
      recurringBookingId: seriesA,
      member: { id: memberA.id, name: "Mia" },
      coach: { id: coachA.id, name: "Carl", timezone: "Europe/Paris" },
    });
    const mine = await listSessions({ db, actor: memberA, input: {}, now });
    expect(mine.map((session) => session.startsAt)).toEqual([
      "2027-03-02T09:00:00.000Z",
      "2027-03-09T09:00:00.000Z",
      "2027-03-16T09:00:00.000Z",
    ]);
    // The generator sees the placed occurrence and adds nothing.
    expect(await generateSessions(db, { weeksAhead: 3, now, trigger: "test" })).toMatchObject({ created: 0, conflicts: 0 });
  });

  it("retries into a busy calendar: 409 coach_busy or member_busy, decided by the exclusion constraints", async () => {
    const { id } = await conflictOf(seriesA);
    await db.delete(blockedSlots).where(eq(blockedSlots.id, blockA));
    const overlapping = { startsAt: new Date("2027-03-09T09:30:00Z"), endsAt: new Date("2027-03-09T10:30:00Z") };

    const [coachBusy] = await db
      .insert(trainingSessions)
      .values({ coachId: coachA.id, memberId: memberB.id, ...overlapping })
      .returning({ id: trainingSessions.id });
    const busyCoach = await appError(resolveConflict({ db, actor: coachA, input: { id, action: "retry" }, now }));
    expect(busyCoach.code).toBe("conflict");
    expect(busyCoach.message).toMatch(/coach_busy/);

    await db.delete(trainingSessions).where(eq(trainingSessions.id, coachBusy!.id));
    await db.insert(trainingSessions).values({ coachId: coachB.id, memberId: memberA.id, ...overlapping });
    const busyMember = await appError(resolveConflict({ db, actor: coachA, input: { id, action: "retry" }, now }));
    expect(busyMember.code).toBe("conflict");
    expect(busyMember.message).toMatch(/member_busy/);
    expect((await conflictOf(seriesA)).status).toBe("open");
  });

  it("retries outside the coach's availability: 409 outside_availability", async () => {
    const { id } = await conflictOf(seriesA);
    await db.delete(blockedSlots).where(eq(blockedSlots.id, blockA));
    await db.delete(weeklyAvailability).where(eq(weeklyAvailability.coachId, coachA.id));
    await addWeeklyRules(db, coachA.id, [[2, "14:00", "18:00"]]);
    const error = await appError(resolveConflict({ db, actor: coachA, input: { id, action: "retry" }, now }));
    expect(error.message).toMatch(/outside_availability/);

    // An addition over that morning (in Paris) makes it fit.
    await db.insert(availabilityAdditions).values({
      coachId: coachA.id,
      startsAt: new Date("2027-03-09T09:00:00+01:00"),
      endsAt: new Date("2027-03-09T12:00:00+01:00"),
    });
    expect((await resolveConflict({ db, actor: coachA, input: { id, action: "retry" }, now })).session?.status).toBe("scheduled");
  });

  it("will not place an occurrence that already started, or one of a cancelled series", async () => {
    const { id } = await conflictOf(seriesA);
    await db.delete(blockedSlots).where(eq(blockedSlots.id, blockA));
    const past = await appError(
      resolveConflict({ db, actor: coachA, input: { id, action: "retry" }, now: new Date("2027-03-09T09:00:00Z") }),
    );
    expect(past.message).toMatch(/dismiss it instead/);

    await db.update(recurringBookings).set({ status: "cancelled" }).where(eq(recurringBookings.id, seriesA));
    const cancelled = await appError(resolveConflict({ db, actor: coachA, input: { id, action: "retry" }, now }));
    expect(cancelled.message).toMatch(/series was cancelled/);
  });

  it("answers 404 for another coach's conflict and for a missing id; 403 for a member; 400 for an unknown action", async () => {
    const { id } = await conflictOf(seriesA);
    const foreign = await appError(resolveConflict({ db, actor: coachB, input: { id, action: "dismiss" }, now }));
    const missing = await appError(resolveConflict({ db, actor: coachB, input: { id: "nope", action: "dismiss" }, now }));
    expect([foreign.code, missing.code]).toEqual(["not_found", "not_found"]);
    expect(foreign.message.replace(id, "ID")).toBe(missing.message.replace("nope", "ID"));

    expect((await appError(resolveConflict({ db, actor: memberA, input: { id, action: "dismiss" }, now }))).code).toBe(
      "forbidden",
    );
    const bad = await appError(resolveConflict({ db, actor: coachA, input: { id, action: "ignore" as "dismiss" }, now }));
    expect(bad.code).toBe("invalid_input");
    expect(Object.keys(bad.fields ?? {})).toEqual(["action"]);
    expect((await conflictOf(seriesA)).status).toBe("open");
  });
});
