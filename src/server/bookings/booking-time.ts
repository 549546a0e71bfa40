// The SQL of a one-time booking, three statements, each prepared once per
// database (a booking runs them on every request; building and planning them
// anew cost CPU for nothing):
//  - timeProblem(): one read-only look at the time — time off, outside
//    availability, the coach's or the member's calendar taken. Run before
//    any transaction, it refuses a taken slot without a lock or a write, so
//    a crowd on one slot costs a read each once the winner has committed.
//  - lockBookingTime(): the booking transaction's first statement. It bounds
//    the transaction's waits (lock_timeout, statement_timeout: SET LOCAL, so
//    the generator's long statements on the same pool keep no limit), share-
//    locks the coach's row (see coach-calendar.ts), and takes a transaction
//    advisory lock on every hour the time touches, of the coach and of the
//    member, in ascending key order. Two bookings that could overlap on
//    either calendar share an hour, so they queue here, briefly, instead of
//    both inserting and deadlocking on each other's index entries; the
//    ascending order means these locks never deadlock among themselves.
//  - insertOneTimeBooking(): availability checked again (now under the
//    coach's lock, in a new snapshot) and, when it fits, the booking and its
//    session inserted in one statement (ids made here, so the two rows can
//    point at each other; the foreign keys are checked at the statement's
//    end). Whether the calendars are free is the exclusion constraints'
//    verdict (23P01), as everywhere else.
import { sql } from "drizzle-orm";
import { preparedSelect, type DatabaseOrTransaction } from "@/db";
import { onLiveCalendar, sessionOf, sessionRange } from "@/db/live-calendar";
import { coveredByAvailability } from "../availability/availability-sql";

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

export type TimeProblem = "blocked" | "outside_availability" | "coach_busy_own" | "coach_busy" | "member_busy";

const p = {
  coach: sql`${sql.placeholder("coach")}::text`,
  member: sql`${sql.placeholder("member")}::text`,
  zone: sql`${sql.placeholder("zone")}::text`,
  startsAt: sql`${sql.placeholder("startsAt")}::timestamptz`,
  endsAt: sql`${sql.placeholder("endsAt")}::timestamptz`,
};

const blocked = sql`EXISTS (SELECT 1 FROM blocked_slots b WHERE b.coach_id = ${p.coach} AND b.starts_at < ${p.endsAt} AND b.ends_at > ${p.startsAt})`;
const covered = coveredByAvailability({
  coachId: p.coach,
  localDate: sql`(${p.startsAt} AT TIME ZONE ${p.zone})::date`,
  zone: p.zone,
  startsAt: p.startsAt,
  endsAt: p.endsAt,
});
const overlaps = (alias: string) => sql`${sessionRange(alias)} && tstzrange(${p.startsAt}, ${p.endsAt}, '[)')`;

const selectProblem = preparedSelect<{ blocked: boolean; covered: boolean; coach_busy: boolean | null; member_busy: boolean }>(
  "booking_time_problem",
  sql`SELECT ${blocked} AS blocked, ${covered} AS covered,
        (SELECT bool_or(t.member_id IS NOT DISTINCT FROM ${p.member}) FROM training_sessions t
         WHERE ${sessionOf("t", "coach_id", p.coach)} AND ${onLiveCalendar("t")} AND ${overlaps("t")}) AS coach_busy,
        EXISTS (SELECT 1 FROM training_sessions t
                WHERE ${sessionOf("t", "member_id", p.member)} AND ${onLiveCalendar("t")} AND ${overlaps("t")}) AS member_busy`,
);

/** Why the time cannot be booked as things stand (availability first, then the coach's calendar, then the member's), or null. */
export async function timeProblem(db: DatabaseOrTransaction, time: BookingTime): Promise<TimeProblem | null> {
  const [row] = await selectProblem(db, values(time));
  if (row!.blocked) return "blocked";
  if (!row!.covered) return "outside_availability";
  if (row!.coach_busy !== null) return row!.coach_busy ? "coach_busy_own" : "coach_busy";
  if (row!.member_busy) return "member_busy";
  return null;
}

const lockTime = preparedSelect<{ locks: number }>(
  "booking_time_lock",
  sql`SELECT locks.n AS locks
      FROM (SELECT set_config('lock_timeout', ${sql.placeholder("lockTimeout")}::text, true) AS lock_timeout,
                   set_config('statement_timeout', ${sql.placeholder("statementTimeout")}::text, true) AS statement_timeout) settings,
      LATERAL (SELECT u.id FROM users u WHERE u.id = ${p.coach} AND settings.lock_timeout IS NOT NULL FOR SHARE) coach,
      LATERAL (SELECT count(pg_advisory_xact_lock(keys.k))::int AS n FROM (
                 SELECT DISTINCT hashtextextended(party || '/' || cell, 0) AS k
                 FROM unnest(ARRAY[${p.coach}, ${p.member}]) party,
                      generate_series(floor(extract(epoch FROM ${p.startsAt}) / ${CELL_SECONDS})::bigint,
                                      ceil(extract(epoch FROM ${p.endsAt}) / ${CELL_SECONDS})::bigint - 1) cell
                 WHERE coach.id IS NOT NULL
                 ORDER BY k) keys) locks`,
);

/** The booking transaction's bounds and locks (see the file header). Throws 55P03 when a lock is not had within BOOKING_LOCK_TIMEOUT_MS. */
export async function lockBookingTime(tx: DatabaseOrTransaction, time: BookingTime): Promise<void> {
  await lockTime(tx, { ...values(time), lockTimeout: `${BOOKING_LOCK_TIMEOUT_MS}ms`, statementTimeout: `${BOOKING_STATEMENT_TIMEOUT_MS}ms` });
}

const insertBooking = preparedSelect<{ blocked: boolean; covered: boolean; status: string | null }>(
  "booking_time_insert",
  sql`WITH fit AS (SELECT ${blocked} AS blocked, ${covered} AS covered),
      booking AS (
        INSERT INTO bookings (id, member_id, session_id, created_at)
        SELECT ${sql.placeholder("bookingId")}::text, ${p.member}, ${sql.placeholder("sessionId")}::text, ${sql.placeholder("now")}::timestamptz
        FROM fit WHERE fit.covered AND NOT fit.blocked
        RETURNING status),
      session AS (
        INSERT INTO training_sessions (id, coach_id, member_id, one_time_booking_id, starts_at, ends_at, created_at, updated_at)
        SELECT ${sql.placeholder("sessionId")}::text, ${p.coach}, ${p.member}, ${sql.placeholder("bookingId")}::text,
               ${p.startsAt}, ${p.endsAt}, ${sql.placeholder("now")}::timestamptz, ${sql.placeholder("now")}::timestamptz
        FROM booking
        RETURNING id)
      SELECT fit.blocked, fit.covered, (SELECT status::text FROM booking) AS status, (SELECT count(*) FROM session) AS placed FROM fit`,
);

/**
 * Inserts the booking and its session when the time is (still) inside the
 * coach's availability: their status, or the availability problem. An
 * overlap is thrown by the exclusion constraints (23P01).
 */
export async function insertOneTimeBooking(
  tx: DatabaseOrTransaction,
  time: BookingTime & { bookingId: string; sessionId: string; now: Date },
): Promise<{ status: string } | { problem: "blocked" | "outside_availability" }> {
  const [row] = await insertBooking(tx, {
    ...values(time),
    bookingId: time.bookingId,
    sessionId: time.sessionId,
    now: time.now.toISOString(),
  });
  if (row!.blocked) return { problem: "blocked" };
  if (!row!.covered) return { problem: "outside_availability" };
  return { status: row!.status! };
}

function values(time: BookingTime): Record<string, unknown> {
  return {
    coach: time.coachId,
    member: time.memberId,
    zone: time.zone,
    startsAt: time.startsAt.toISOString(),
    endsAt: time.endsAt.toISOString(),
  };
}
