// The SQL of a one-time booking, prepared once per database: a booking runs
// it on every request, and on this path each round trip to PostgreSQL (a
// socket write and a wake-up on both sides) is most of a request's CPU.
//  - coachAndTimeProblem(): one read-only look — the coach and their
//    settings, and whether the time is open: time off, outside availability,
//    the coach's or the member's calendar taken. Run before any transaction,
//    it refuses a taken slot without a lock or a write, so once a winner has
//    committed, a crowd on that slot costs one read a request.
//  - lockBookingTime(): the write's first statement. It bounds the
//    transaction's waits (lock_timeout, statement_timeout, set local to it, so
//    the generator's long statements on the same pool keep no limit),
//    share-locks the coach's row (see availability/coach-calendar.ts) and
//    takes a transaction advisory lock on every hour the time touches, of the
//    coach and of the member, in ascending key order. Two bookings that could
//    overlap on either calendar share an hour, so they queue here, briefly,
//    instead of both inserting and deadlocking on each other's index entries;
//    the ascending order means these locks never deadlock among themselves.
//  - insertOneTimeBooking(): availability checked again (now under the
//    coach's lock, in a new snapshot) and, when it fits, the booking and its
//    session inserted in one statement (ids made by the caller, so the two
//    rows can point at each other; foreign keys are checked at the
//    statement's end). Whether the calendars are free is the exclusion
//    constraints' verdict (23P01), as everywhere else.
// writeOneTimeBooking() sends the last two as one round trip on PostgreSQL.
// See docs/decisions/0006-lanes-and-locks.md.
import { sql, TransactionRollbackError, type SQL } from "drizzle-orm";
import { inlinedSql, lastStatementRows, poolOf, preparedSelect, type DatabaseOrTransaction } from "@/db";
import { onLiveCalendar, sessionOf, sessionRange } from "@/db/live-calendar";
import { blockedSlots, bookings, coachSettings, outboxMessages, trainingSessions, users } from "@/db/schema";
import { columnName, columnNames } from "@/db/sql-names";
import { alias } from "drizzle-orm/pg-core";
import { coveredByAvailability } from "../availability/availability-sql";
import { effectiveCoachTimeZone, type CoachRecord } from "../coaches/find-coach";
import { businessTimeZone } from "../config";
import { OUTBOX_CHANNEL } from "../messages/enqueue";
import { memberInClass } from "../classes/class-sql";

/** The longest a booking waits for a lock (a booking of the same hour, a change to the coach's week) before it answers 409 "try again". */
export const BOOKING_LOCK_TIMEOUT_MS = 500;
/** The longest any statement of a booking may run. */
export const BOOKING_STATEMENT_TIMEOUT_MS = 5_000;
/** Advisory lock granularity: an hour of one person's calendar. */
const CELL_SECONDS = 3600;

export interface BookingTime {
  coachId: string;
  memberId: string;
  zone: string;
  startsAt: Date;
  endsAt: Date;
}

/** What the confirmation message says besides the time: the two names and who booked. */
export interface BookingParties {
  coachName: string;
  memberName: string;
  by: { id: string; name: string; role: string } | null;
}

export type TimeProblem = "blocked" | "outside_availability" | "coach_busy_own" | "coach_busy" | "member_busy";

const p = {
  coach: sql`${sql.placeholder("coach")}::text`,
  member: sql`${sql.placeholder("member")}::text`,
  zone: sql`${sql.placeholder("zone")}::text`,
  startsAt: sql`${sql.placeholder("startsAt")}::timestamptz`,
  endsAt: sql`${sql.placeholder("endsAt")}::timestamptz`,
};

const b = alias(blockedSlots, "b");
const blocked = sql`EXISTS (SELECT 1 FROM ${blockedSlots} ${b} WHERE ${b.coachId} = ${p.coach} AND ${b.startsAt} < ${p.endsAt} AND ${b.endsAt} > ${p.startsAt})`;
const coveredIn = (zone: SQL) =>
  coveredByAvailability({
    coachId: p.coach,
    localDate: sql`(${p.startsAt} AT TIME ZONE ${zone})::date`,
    zone,
    startsAt: p.startsAt,
    endsAt: p.endsAt,
  });
const covered = coveredIn(p.zone);
const t = alias(trainingSessions, "t");
const overlaps = sql`${sessionRange(t)} && tstzrange(${p.startsAt}, ${p.endsAt}, '[)')`;
const coachBusy = sql`(SELECT bool_or(${t.memberId} IS NOT DISTINCT FROM ${p.member}) FROM ${trainingSessions} ${t}
         WHERE ${sessionOf(t, "coachId", p.coach)} AND ${onLiveCalendar(t)} AND ${overlaps})`;
// A confirmed class place counts too (no constraint spans the two tables:
// the hour locks below make a booking and an enrolment of one member queue).
const inClass = memberInClass(p.member, p.startsAt, p.endsAt);
const memberBusy = sql`(EXISTS (SELECT 1 FROM ${trainingSessions} ${t}
         WHERE ${sessionOf(t, "memberId", p.member)} AND ${onLiveCalendar(t)} AND ${overlaps}) OR ${inClass})`;

interface ProblemColumns {
  blocked: boolean;
  covered: boolean;
  coach_busy: boolean | null;
  member_busy: boolean;
}

const selectProblem = preparedSelect<ProblemColumns>(
  "booking_time_problem",
  sql`SELECT ${blocked} AS blocked, ${covered} AS covered, ${coachBusy} AS coach_busy, ${memberBusy} AS member_busy`,
);

function problemOf(row: ProblemColumns): TimeProblem | null {
  if (row.blocked) return "blocked";
  if (!row.covered) return "outside_availability";
  if (row.coach_busy !== null) return row.coach_busy ? "coach_busy_own" : "coach_busy";
  if (row.member_busy) return "member_busy";
  return null;
}

/** Why the time cannot be booked as things stand (availability first, then the coach's calendar, then the member's), or null. */
export async function timeProblem(db: DatabaseOrTransaction, time: BookingTime): Promise<TimeProblem | null> {
  const [row] = await selectProblem(db, values(time));
  return problemOf(row!);
}

// The coach's effective zone, by the one rule (coaches/find-coach.ts), the business zone a parameter.
const coachZone = effectiveCoachTimeZone(coachSettings.timezone, sql.placeholder("businessZone"));
const selectCoachAndProblem = preparedSelect<ProblemColumns & Omit<CoachRecord, "minimumNoticeMinutes" | "defaultDuration"> & { notice: number; duration: number }>(
  "booking_coach_and_time",
  sql`SELECT ${users.id} AS id, ${users.name} AS name, ${coachZone} AS timezone,
        coalesce(${coachSettings.minimumNoticeMinutes}, 120) AS notice, coalesce(${coachSettings.defaultDuration}, 60) AS duration,
        ${blocked} AS blocked, ${coveredIn(coachZone)} AS covered, ${coachBusy} AS coach_busy, ${memberBusy} AS member_busy
      FROM ${users} LEFT JOIN ${coachSettings} ON ${coachSettings.coachId} = ${users.id}
      WHERE ${users.id} = ${p.coach} AND ${users.role} = 'coach'`,
);

/**
 * The coach (null when `coachId` is no coach's) and timeProblem() of the
 * time, in one read: what a booking needs before it writes anything.
 */
export async function coachAndTimeProblem(
  db: DatabaseOrTransaction,
  time: Omit<BookingTime, "zone">,
): Promise<{ coach: CoachRecord; problem: TimeProblem | null } | null> {
  const [row] = await selectCoachAndProblem(db, { ...values({ ...time, zone: "" }), businessZone: businessTimeZone() });
  if (!row) return null;
  return {
    coach: { id: row.id, name: row.name, timezone: row.timezone, minimumNoticeMinutes: Number(row.notice), defaultDuration: Number(row.duration) },
    problem: problemOf(row),
  };
}

const u = alias(users, "u");
const lockQuery = sql`SELECT locks.n AS locks
      FROM (SELECT set_config('lock_timeout', ${sql.placeholder("lockTimeout")}::text, true) AS lock_timeout,
                   set_config('statement_timeout', ${sql.placeholder("statementTimeout")}::text, true) AS statement_timeout) settings,
      LATERAL (SELECT ${u.id} FROM ${users} ${u} WHERE ${u.id} = ${p.coach} AND settings.lock_timeout IS NOT NULL FOR SHARE) coach,
      LATERAL (SELECT count(pg_advisory_xact_lock(keys.k))::int AS n FROM (
                 SELECT DISTINCT hashtextextended(party || '/' || cell, 0) AS k
                 FROM unnest(ARRAY[${p.coach}, ${p.member}]) party,
                      generate_series(floor(extract(epoch FROM ${p.startsAt}) / ${CELL_SECONDS})::bigint,
                                      ceil(extract(epoch FROM ${p.endsAt}) / ${CELL_SECONDS})::bigint - 1) cell
                 WHERE coach.id IS NOT NULL
                 ORDER BY k) keys) locks`;
const lockTime = preparedSelect<{ locks: number }>("booking_time_lock", lockQuery);

const timeouts = { lockTimeout: `${BOOKING_LOCK_TIMEOUT_MS}ms`, statementTimeout: `${BOOKING_STATEMENT_TIMEOUT_MS}ms` };

/** The booking transaction's bounds and locks (see the file header). Throws 55P03 when a lock is not had within BOOKING_LOCK_TIMEOUT_MS. */
export async function lockBookingTime(tx: DatabaseOrTransaction, time: BookingTime): Promise<void> {
  await lockTime(tx, { ...values(time), ...timeouts });
}

export type WriteOutcome = { status: string } | { problem: "blocked" | "outside_availability" | "member_busy" };

/**
 * lockBookingTime() then insertOneTimeBooking(), as one transaction. On a
 * PostgreSQL pool both go in one round trip: a simple-protocol query of two
 * statements is one implicit transaction, each statement with its own
 * snapshot, rolled back whole when one fails — so a booking costs no BEGIN
 * and COMMIT round trips (on this path each round trip is a socket write and
 * a wake-up of the server: most of a booking's CPU). PGlite, or a caller's
 * transaction: a (nested) transaction of the same two statements.
 */
export async function writeOneTimeBooking(
  db: DatabaseOrTransaction,
  time: BookingTime & BookingParties & { bookingId: string; sessionId: string; now: Date },
): Promise<WriteOutcome> {
  const pool = poolOf(db);
  if (pool) {
    const inline = { ...values(time), ...timeouts, ...partyValues(time), bookingId: time.bookingId, sessionId: time.sessionId, now: time.now.toISOString() };
    const rows = await lastStatementRows<InsertedRow>(pool, `${lockAndInsert[0](inline)};\n${lockAndInsert[1](inline)}`);
    return outcome(rows[0]!);
  }
  let changed: WriteOutcome | undefined;
  try {
    return await db.transaction(async (tx) => {
      await lockBookingTime(tx, time);
      const result = await insertOneTimeBooking(tx, time);
      if ("status" in result) return result;
      // Nothing was written; the nested transaction ends without keeping anything.
      changed = result;
      return tx.rollback();
    });
  } catch (error) {
    if (changed && error instanceof TransactionRollbackError) return changed;
    throw error;
  }
}

type InsertedRow = { blocked: boolean; covered: boolean; in_class: boolean; status: string | null };
const ts = trainingSessions;
const insertQuery = sql`WITH fit AS (SELECT ${blocked} AS blocked, ${covered} AS covered, ${inClass} AS in_class),
      booking AS (
        INSERT INTO ${bookings} (${columnNames(bookings.id, bookings.memberId, bookings.sessionId, bookings.createdAt)})
        SELECT ${sql.placeholder("bookingId")}::text, ${p.member}, ${sql.placeholder("sessionId")}::text, ${sql.placeholder("now")}::timestamptz
        FROM fit WHERE fit.covered AND NOT fit.blocked AND NOT fit.in_class
        RETURNING ${columnName(bookings.status)}),
      session AS (
        INSERT INTO ${ts} (${columnNames(ts.id, ts.coachId, ts.memberId, ts.oneTimeBookingId, ts.startsAt, ts.endsAt, ts.createdAt, ts.updatedAt)})
        SELECT ${sql.placeholder("sessionId")}::text, ${p.coach}, ${p.member}, ${sql.placeholder("bookingId")}::text,
               ${p.startsAt}, ${p.endsAt}, ${sql.placeholder("now")}::timestamptz, ${sql.placeholder("now")}::timestamptz
        FROM booking
        RETURNING ${columnName(ts.id)}),
      -- The confirmation to the member and the coach, in the same statement
      -- (messages/session-messages.ts writes the same payload for other changes).
      notice AS (
        INSERT INTO ${outboxMessages} (${columnNames(outboxMessages.kind, outboxMessages.recipientId, outboxMessages.payload)})
        SELECT 'booking_confirmed'::message_kind, recipient.id, jsonb_build_object(
                 'session', jsonb_build_object(
                   'id', session.id, 'startsAt', ${p.startsAt}, 'endsAt', ${p.endsAt}, 'status', 'scheduled',
                   'coachId', ${p.coach}, 'coachName', ${sql.placeholder("coachName")}::text, 'coachZone', ${p.zone},
                   'memberId', ${p.member}, 'memberName', ${sql.placeholder("memberName")}::text, 'recurringBookingId', NULL),
                 'by', ${sql.placeholder("by")}::jsonb, 'cause', nullif(${sql.placeholder("cause")}::text, ''), 'reason', NULL)
        FROM session CROSS JOIN (VALUES (${p.coach}), (${p.member})) AS recipient(id)
        RETURNING 1)
      SELECT fit.blocked, fit.covered, fit.in_class, (SELECT status::text FROM booking) AS status, (SELECT count(*) FROM session) AS placed,
             (SELECT count(*) FROM notice WHERE pg_notify(${OUTBOX_CHANNEL}, '') IS NOT NULL) AS notified FROM fit`;
const insertBooking = preparedSelect<InsertedRow>("booking_time_insert", insertQuery);
const lockAndInsert = [inlinedSql(lockQuery), inlinedSql(insertQuery)] as const;

/**
 * Inserts the booking and its session when the time is (still) inside the
 * coach's availability: their status, or the availability problem. An
 * overlap is thrown by the exclusion constraints (23P01).
 */
export async function insertOneTimeBooking(
  tx: DatabaseOrTransaction,
  time: BookingTime & BookingParties & { bookingId: string; sessionId: string; now: Date },
): Promise<WriteOutcome> {
  const [row] = await insertBooking(tx, {
    ...values(time),
    ...partyValues(time),
    bookingId: time.bookingId,
    sessionId: time.sessionId,
    now: time.now.toISOString(),
  });
  return outcome(row!);
}

function outcome(row: InsertedRow): WriteOutcome {
  if (row.blocked) return { problem: "blocked" };
  if (!row.covered) return { problem: "outside_availability" };
  if (row.in_class) return { problem: "member_busy" };
  return { status: row.status! };
}

function partyValues(parties: BookingParties): Record<string, string> {
  return {
    coachName: parties.coachName,
    memberName: parties.memberName,
    by: JSON.stringify(parties.by),
    cause: parties.by?.role ?? "",
  };
}

function values(time: BookingTime): Record<string, string> {
  return {
    coach: time.coachId,
    member: time.memberId,
    zone: time.zone,
    startsAt: time.startsAt.toISOString(),
    endsAt: time.endsAt.toISOString(),
  };
}
