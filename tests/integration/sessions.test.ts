// Sessions on a real database: listing within each actor's scope and range,
// cancelling one occurrence (the series goes on, the generator never brings it
// back, a one-time booking's row follows), and no-show with its state machine.
// Someone else's session is always 404, worded exactly like a missing id.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import {
  bookings,
  recurringBookings,
  trainingSessions,
  type SessionStatus,
} from "@/db/schema";
import { AppError } from "@/domain/errors";
import { cancelSession } from "@/server/sessions/cancel-session";
import { generateSessions } from "@/server/sessions/generate-sessions";
import { listSessions } from "@/server/sessions/list-sessions";
import { markNoShow } from "@/server/sessions/mark-no-show";
import { ALL_WEEK, addPerson, addSeries, addWeeklyRules, clearBusinessData } from "../helpers/people";
import { useMigratedDatabase } from "../helpers/test-database";

let db: DatabaseOrTransaction;

useMigratedDatabase((handle) => {
  db = handle.db;
});

/** Monday 1 March 2027, noon UTC: "now" for every test. */
const now = new Date("2027-03-01T12:00:00Z");
const hour = 3_600_000;
const at = (iso: string) => new Date(iso);

let owner: Actor;
let coachA: Actor;
let coachB: Actor;
let memberA: Actor;
let memberB: Actor;

beforeEach(async () => {
  await clearBusinessData(db);
  owner = await addPerson(db, "owner", { name: "Olive" });
  coachA = await addPerson(db, "coach", { name: "Carl", timezone: "Europe/Paris" });
  coachB = await addPerson(db, "coach", { name: "Cleo" });
  memberA = await addPerson(db, "member", { name: "Mia" });
  memberB = await addPerson(db, "member", { name: "Max" });
});

async function addSession(session: {
  coach: Actor;
  member: Actor | null;
  startsAt: string;
  hours?: number;
  status?: SessionStatus;
  oneTimeBookingId?: string;
}): Promise<string> {
  const startsAt = at(session.startsAt);
  const [row] = await db
    .insert(trainingSessions)
    .values({
      coachId: session.coach.id,
      memberId: session.member?.id ?? null,
      startsAt,
      endsAt: new Date(startsAt.getTime() + (session.hours ?? 1) * hour),
      status: session.status ?? "scheduled",
      oneTimeBookingId: session.oneTimeBookingId ?? null,
    })
    .returning({ id: trainingSessions.id });
  return row!.id;
}

/** A one-time booking and its session, linked both ways as the booking flow writes them. */
async function addOneTimeBooking(coach: Actor, member: Actor, startsAt: string) {
  const [booking] = await db.insert(bookings).values({ memberId: member.id }).returning({ id: bookings.id });
  const sessionId = await addSession({ coach, member, startsAt, oneTimeBookingId: booking!.id });
  await db.update(bookings).set({ sessionId }).where(eq(bookings.id, booking!.id));
  return { bookingId: booking!.id, sessionId };
}

async function bookingRow(id: string) {
  const [row] = await db.select().from(bookings).where(eq(bookings.id, id));
  return row!;
}

async function sessionRow(id: string) {
  const [row] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, id));
  return row!;
}

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

describe("listSessions", () => {
  let ids: Record<"aa" | "ab" | "ba" | "bb" | "later" | "past", string>;

  beforeEach(async () => {
    ids = {
      aa: await addSession({ coach: coachA, member: memberA, startsAt: "2027-03-02T09:00:00Z" }),
      ab: await addSession({ coach: coachA, member: memberB, startsAt: "2027-03-03T09:00:00Z" }),
      ba: await addSession({ coach: coachB, member: memberA, startsAt: "2027-03-04T09:00:00Z" }),
      bb: await addSession({ coach: coachB, member: memberB, startsAt: "2027-03-05T09:00:00Z", status: "cancelled" }),
      // Outside the default range (today + 4 weeks)…
      later: await addSession({ coach: coachA, member: memberA, startsAt: "2027-03-29T00:00:00Z" }),
      // …and before today.
      past: await addSession({ coach: coachA, member: memberA, startsAt: "2027-02-28T09:00:00Z", status: "completed" }),
    };
  });

  const list = (actor: Actor, input = {}) =>
    listSessions({ db, actor, input, now }).then((sessions) => sessions.map((session) => session.id));

  it("shows a member only their own sessions, in start order, from today for four weeks", async () => {
    expect(await list(memberA)).toEqual([ids.aa, ids.ba]);
    expect(await list(memberB)).toEqual([ids.ab, ids.bb]);
  });

  it("shows a coach only the sessions they run, and the owner everyone's", async () => {
    expect(await list(coachA)).toEqual([ids.aa, ids.ab]);
    expect(await list(coachB)).toEqual([ids.ba, ids.bb]);
    expect(await list(owner)).toEqual([ids.aa, ids.ab, ids.ba, ids.bb]);
  });

  it("answers the SessionView shape", async () => {
    const [session] = await listSessions({ db, actor: memberA, input: { to: "2027-03-02" }, now });
    expect(session).toEqual({
      id: ids.aa,
      startsAt: "2027-03-02T09:00:00.000Z",
      endsAt: "2027-03-02T10:00:00.000Z",
      status: "scheduled",
      coach: { id: coachA.id, name: "Carl", timezone: "Europe/Paris" },
      member: { id: memberA.id, name: "Mia" },
      title: null,
      recurringBookingId: null,
      oneTimeBookingId: null,
      cancellationReason: null,
      cancelledAt: null,
    });
  });

  it("lets the owner filter by coach and member, and a coach by member within their own", async () => {
    expect(await list(owner, { coachId: coachB.id })).toEqual([ids.ba, ids.bb]);
    expect(await list(owner, { memberId: memberA.id })).toEqual([ids.aa, ids.ba]);
    expect(await list(owner, { coachId: coachA.id, memberId: memberB.id })).toEqual([ids.ab]);
    expect(await list(coachA, { memberId: memberA.id })).toEqual([ids.aa]);
  });

  it("never lets a filter widen the scope: someone else's id gives an empty list, not an error", async () => {
    expect(await list(memberA, { memberId: memberB.id })).toEqual([]);
    expect(await list(memberA, { coachId: coachA.id })).toEqual([ids.aa]);
    expect(await list(coachA, { coachId: coachB.id })).toEqual([]);
  });

  it("filters by status", async () => {
    expect(await list(owner, { status: "cancelled" })).toEqual([ids.bb]);
    expect(await list(owner, { status: "completed", from: "2027-02-01" })).toEqual([ids.past]);
  });

  it("reads dates as whole UTC days (to inclusive) and instants as exact bounds (to exclusive)", async () => {
    expect(await list(owner, { from: "2027-03-03", to: "2027-03-03" })).toEqual([ids.ab]);
    expect(await list(owner, { from: "2027-02-28", to: "2027-03-02" })).toEqual([ids.past, ids.aa]);
    expect(await list(owner, { from: "2027-03-29" })).toEqual([ids.later]);
    expect(await list(owner, { from: "2027-03-02T09:00:00Z", to: "2027-03-04T09:00:00Z" })).toEqual([ids.aa, ids.ab]);
    expect(await list(owner, { from: "2027-03-02T10:00:00+01:00", to: "2027-03-02T10:00:00+01:00" })).toEqual([]);
  });

  it("refuses a range that ends before it starts, is too long, or is not a date", async () => {
    const backwards = await appError(list(owner, { from: "2027-03-05", to: "2027-03-04" }));
    expect(backwards.code).toBe("invalid_input");
    expect(Object.keys(backwards.fields ?? {})).toEqual(["to"]);

    const tooLong = await appError(list(owner, { from: "2027-01-01", to: "2028-01-02" }));
    expect(tooLong.code).toBe("invalid_input");
    expect(tooLong.fields?.to).toMatch(/366 days/);
    // 366 days exactly is fine (2027-01-01 … 2028-01-01 inclusive).
    await expect(list(owner, { from: "2027-01-01", to: "2028-01-01" })).resolves.toBeDefined();

    const notADate = await appError(list(owner, { from: "2027-02-30" }));
    expect(Object.keys(notADate.fields ?? {})).toEqual(["from"]);
    const unknownStatus = await appError(list(owner, { status: "planned" }));
    expect(Object.keys(unknownStatus.fields ?? {})).toEqual(["status"]);
  });
});

describe("cancelSession", () => {
  it("cancels a member's own session before it starts, keeping the reason", async () => {
    const id = await addSession({ coach: coachA, member: memberA, startsAt: "2027-03-02T09:00:00Z" });
    const session = await cancelSession({ db, actor: memberA, input: { id, reason: "  Sick  " }, now });
    expect(session).toMatchObject({
      id,
      status: "cancelled",
      cancellationReason: "Sick",
      cancelledAt: now.toISOString(),
    });
    expect((await sessionRow(id)).updatedAt.toISOString()).toBe(now.toISOString());
  });

  it("answers 404 for another member's session, worded exactly like a missing id", async () => {
    const id = await addSession({ coach: coachA, member: memberB, startsAt: "2027-03-02T09:00:00Z" });
    const foreign = await appError(cancelSession({ db, actor: memberA, input: { id }, now }));
    const missing = await appError(cancelSession({ db, actor: memberA, input: { id: "no-such-session" }, now }));
    expect(foreign.code).toBe("not_found");
    expect(missing.code).toBe("not_found");
    expect(foreign.message.replace(id, "ID")).toBe(missing.message.replace("no-such-session", "ID"));
    // Even when that session is not cancellable any more: no status leaks.
    await db.update(trainingSessions).set({ status: "cancelled" }).where(eq(trainingSessions.id, id));
    expect((await appError(cancelSession({ db, actor: memberA, input: { id }, now }))).code).toBe("not_found");
  });

  it("lets only the session's own coach (or the owner) cancel it", async () => {
    const id = await addSession({ coach: coachA, member: memberA, startsAt: "2027-03-02T09:00:00Z" });
    expect((await appError(cancelSession({ db, actor: coachB, input: { id }, now }))).code).toBe("not_found");
    expect((await sessionRow(id)).status).toBe("scheduled");
    expect((await cancelSession({ db, actor: owner, input: { id }, now })).status).toBe("cancelled");
  });

  it("answers 409 naming the status when cancelled twice, or when completed", async () => {
    const id = await addSession({ coach: coachA, member: memberA, startsAt: "2027-03-02T09:00:00Z" });
    await cancelSession({ db, actor: memberA, input: { id }, now });
    const twice = await appError(cancelSession({ db, actor: memberA, input: { id }, now }));
    expect(twice.code).toBe("conflict");
    expect(twice.message).toMatch(/already cancelled/);

    const done = await addSession({ coach: coachA, member: memberA, startsAt: "2027-02-20T09:00:00Z", status: "completed" });
    const completed = await appError(cancelSession({ db, actor: coachA, input: { id: done }, now }));
    expect(completed.code).toBe("conflict");
    expect(completed.message).toMatch(/completed/);
  });

  it("refuses a member once the session started (409), while its coach may still cancel it", async () => {
    const id = await addSession({ coach: coachA, member: memberA, startsAt: "2027-03-01T11:30:00Z" });
    const started = await appError(cancelSession({ db, actor: memberA, input: { id }, now }));
    expect(started.code).toBe("conflict");
    expect(started.message).toMatch(/already started/);
    expect((await sessionRow(id)).status).toBe("scheduled");

    const session = await cancelSession({ db, actor: coachA, input: { id, reason: "Coach ill" }, now });
    expect(session).toMatchObject({ status: "cancelled", cancellationReason: "Coach ill" });
  });

  it("refuses a reason over 1000 characters (MAX_TEXT_LENGTH), naming the field, and changes nothing", async () => {
    const id = await addSession({ coach: coachA, member: memberA, startsAt: "2027-03-02T09:00:00Z" });
    const error = await appError(cancelSession({ db, actor: memberA, input: { id, reason: "x".repeat(1001) }, now }));
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fields ?? {})).toEqual(["reason"]);
    expect((await sessionRow(id)).status).toBe("scheduled");
  });

  it("cancels one occurrence of a series: the rest stays and the generator never re-creates it", async () => {
    await addWeeklyRules(db, coachA.id, ALL_WEEK);
    const seriesId = await addSeries(db, {
      memberId: memberA.id,
      coachId: coachA.id,
      dayOfWeek: 2,
      startTime: "10:00",
      endTime: "11:00",
      startDate: "2027-03-02",
    });
    const first = await generateSessions(db, { weeksAhead: 4, now, trigger: "test" });
    expect(first.created).toBe(4);
    const occurrences = await listSessions({ db, actor: memberA, input: {}, now });
    expect(occurrences).toHaveLength(4);
    const second = occurrences[1]!;

    await cancelSession({ db, actor: memberA, input: { id: second.id, reason: "Holiday" }, now });
    const again = await generateSessions(db, { weeksAhead: 4, now, trigger: "test" });
    expect(again).toMatchObject({ created: 0, conflicts: 0 });

    const after = await listSessions({ db, actor: memberA, input: {}, now });
    expect(after.map((session) => [session.id, session.status])).toEqual([
      [occurrences[0]!.id, "scheduled"],
      [second.id, "cancelled"],
      [occurrences[2]!.id, "scheduled"],
      [occurrences[3]!.id, "scheduled"],
    ]);
    expect(after.every((session) => session.recurringBookingId === seriesId)).toBe(true);
    const [series] = await db.select().from(recurringBookings).where(eq(recurringBookings.id, seriesId));
    expect(series!.status).toBe("active");
  });

  it("marks a one-time booking's row cancelled by whoever cancelled, in the same transaction", async () => {
    const byMember = await addOneTimeBooking(coachA, memberA, "2027-03-02T09:00:00Z");
    await cancelSession({ db, actor: memberA, input: { id: byMember.sessionId }, now });
    expect(await bookingRow(byMember.bookingId)).toMatchObject({ status: "CANCELLED_BY_MEMBER", cancelledAt: now });

    const byCoach = await addOneTimeBooking(coachA, memberA, "2027-03-03T09:00:00Z");
    const session = await cancelSession({ db, actor: coachA, input: { id: byCoach.sessionId }, now });
    expect(session.oneTimeBookingId).toBe(byCoach.bookingId);
    expect(await bookingRow(byCoach.bookingId)).toMatchObject({ status: "CANCELLED_BY_COACH", cancelledAt: now });

    const byOwner = await addOneTimeBooking(coachA, memberA, "2027-03-04T09:00:00Z");
    await cancelSession({ db, actor: owner, input: { id: byOwner.sessionId }, now });
    expect((await bookingRow(byOwner.bookingId)).status).toBe("CANCELLED_BY_COACH");
  });

  it("lets exactly one of two simultaneous cancellations win", async () => {
    const id = await addSession({ coach: coachA, member: memberA, startsAt: "2027-03-02T09:00:00Z" });
    const results = await Promise.allSettled([
      cancelSession({ db, actor: memberA, input: { id, reason: "member" }, now }),
      cancelSession({ db, actor: coachA, input: { id, reason: "coach" }, now }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe("conflict");
  });
});

describe("markNoShow", () => {
  it("is never a member's to do (403, whatever the session)", async () => {
    const id = await addSession({ coach: coachA, member: memberA, startsAt: "2027-03-01T10:00:00Z" });
    expect((await appError(markNoShow({ db, actor: memberA, input: { id }, now }))).code).toBe("forbidden");
  });

  it("refuses before the session starts (409) and marks it once started", async () => {
    const future = await addSession({ coach: coachA, member: memberA, startsAt: "2027-03-01T12:30:00Z" });
    const early = await appError(markNoShow({ db, actor: coachA, input: { id: future }, now }));
    expect(early.code).toBe("conflict");
    expect(early.message).toMatch(/not started/);

    const started = await addSession({ coach: coachA, member: memberA, startsAt: "2027-03-01T11:30:00Z" });
    const session = await markNoShow({ db, actor: coachA, input: { id: started }, now });
    expect(session).toMatchObject({ id: started, status: "no_show" });
    // The start instant itself counts as started.
    const startingNow = await addSession({ coach: coachB, member: memberB, startsAt: now.toISOString() });
    expect((await markNoShow({ db, actor: coachB, input: { id: startingNow }, now })).status).toBe("no_show");
  });

  it("corrects a completed session to no-show (owner too), and marks a one-time booking NO_SHOW", async () => {
    const done = await addSession({ coach: coachA, member: memberA, startsAt: "2027-02-20T09:00:00Z", status: "completed" });
    expect((await markNoShow({ db, actor: owner, input: { id: done }, now })).status).toBe("no_show");

    const booked = await addOneTimeBooking(coachB, memberB, "2027-02-21T09:00:00Z");
    await markNoShow({ db, actor: coachB, input: { id: booked.sessionId }, now });
    expect((await bookingRow(booked.bookingId)).status).toBe("NO_SHOW");
  });

  it("refuses a cancelled session and a second no-show (409 naming the status)", async () => {
    const cancelled = await addSession({ coach: coachA, member: memberA, startsAt: "2027-02-20T09:00:00Z", status: "cancelled" });
    const error = await appError(markNoShow({ db, actor: coachA, input: { id: cancelled }, now }));
    expect(error.code).toBe("conflict");
    expect(error.message).toMatch(/cancelled/);

    const noShow = await addSession({ coach: coachA, member: memberA, startsAt: "2027-02-21T09:00:00Z", status: "no_show" });
    expect((await appError(markNoShow({ db, actor: coachA, input: { id: noShow }, now }))).message).toMatch(
      /already no-show/,
    );
  });

  it("answers 404 for another coach's session, like a missing id", async () => {
    const id = await addSession({ coach: coachA, member: memberA, startsAt: "2027-03-01T10:00:00Z" });
    expect((await appError(markNoShow({ db, actor: coachB, input: { id }, now }))).code).toBe("not_found");
    expect((await sessionRow(id)).status).toBe("scheduled");
  });
});
