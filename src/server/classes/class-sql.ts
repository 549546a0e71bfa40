// SQL shared by the class use cases: who is busy when, a waitlist position,
// the lock a change to one class's places takes. See
// docs/decisions/0014-classes-places-and-waitlists.md.
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { onLiveCalendar, sessionOf, sessionRange } from "@/db/live-calendar";
import { classEnrolments, studioSettings, trainingSessions } from "@/db/schema";
import { AppError } from "@/domain/errors";

/** The longest a class change waits for the class (a crowd enrolling at once queues on its row). */
export const CLASS_LOCK_TIMEOUT_MS = 5_000;
/** Advisory lock granularity: an hour of one person's calendar — the same keys as a one-time booking's (bookings/booking-time.ts). */
const CELL_SECONDS = 3600;

const t = alias(trainingSessions, "busy_t");
const e = alias(classEnrolments, "busy_e");

/**
 * Member `member` holds something at [startsAt, endsAt): a session on the
 * live calendar, or a confirmed place in another class than `exceptClass`.
 * Class places are probed by (member_id, starts_at) with a day of margin:
 * nothing lasts longer than a day.
 */
export function memberBusy(member: SQL, startsAt: SQL, endsAt: SQL, exceptClass?: SQL): SQL {
  return sql`(${memberHasSession(member, startsAt, endsAt)} OR ${memberInClass(member, startsAt, endsAt, exceptClass)})`;
}

/** Member `member` has a session on the live calendar overlapping [startsAt, endsAt) (the sessions' GiST index, keyed by member). */
export function memberHasSession(member: SQL, startsAt: SQL, endsAt: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM ${trainingSessions} ${t}
                     WHERE ${sessionOf(t, "memberId", member)} AND ${onLiveCalendar(t)}
                       AND ${sessionRange(t)} && tstzrange(${startsAt}, ${endsAt}, '[)'))`;
}

/** Member `member` holds a confirmed class place (not in `exceptClass`) overlapping [startsAt, endsAt). */
export function memberInClass(member: SQL, startsAt: SQL, endsAt: SQL, exceptClass?: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM ${classEnrolments} ${e}
                     WHERE ${e.memberId} = ${member} AND ${e.status} = 'confirmed'
                       AND ${e.startsAt} > ${startsAt} - interval '1 day' AND ${e.startsAt} < ${endsAt} AND ${e.endsAt} > ${startsAt}
                       ${exceptClass ? sql`AND ${e.classId} <> ${exceptClass}` : sql``})`;
}

/** The 1-based waitlist position of enrolment `enrolment` (an alias of class_enrolments), NULL unless waitlisted. */
export function waitlistPosition(enrolment: { classId: SQLWrapper; status: SQLWrapper; queueSeq: SQLWrapper }): SQL<number | null> {
  const w = alias(classEnrolments, "position_w");
  return sql<number | null>`CASE WHEN ${enrolment.status} = 'waitlisted' THEN
      (SELECT count(*)::int FROM ${classEnrolments} ${w}
       WHERE ${w.classId} = ${enrolment.classId} AND ${w.status} = 'waitlisted' AND ${w.queueSeq} <= ${enrolment.queueSeq}) END`;
}

export interface LockedClass {
  id: string;
  coachId: string;
  title: string | null;
  startsAt: Date;
  endsAt: Date;
  status: string;
  capacity: number;
  placesTaken: number;
  recurringBookingId: string | null;
}

/**
 * Starts a change to one class's places: bounds the transaction's waits,
 * takes the advisory locks of `memberIds`' hours the class covers (the keys
 * a one-time booking takes, so a booking and an enrolment of one member at
 * one time queue instead of both passing their checks), then locks the
 * class row. Every change to a class's places goes through here, so they
 * happen one after another, and each later statement reads the class and
 * its enrolments as the previous change left them. Null: no such class.
 */
export async function lockClass(tx: DatabaseOrTransaction, classId: string, memberIds: readonly string[] = []): Promise<LockedClass | null> {
  await tx.execute(sql`SELECT set_config('lock_timeout', ${`${CLASS_LOCK_TIMEOUT_MS}ms`}, true),
                              set_config('statement_timeout', ${`${CLASS_LOCK_TIMEOUT_MS * 2}ms`}, true)`);
  if (memberIds.length > 0) {
    const parties = sql.join(memberIds.map((id) => sql`${id}`), sql`, `);
    await tx.execute(sql`SELECT count(pg_advisory_xact_lock(keys.k)) FROM (
        SELECT DISTINCT hashtextextended(party || '/' || cell, 0) AS k
        FROM ${trainingSessions} s
        CROSS JOIN unnest(ARRAY[${parties}]::text[]) AS party
        CROSS JOIN generate_series(floor(extract(epoch FROM s.starts_at) / ${CELL_SECONDS})::bigint,
                                   ceil(extract(epoch FROM s.ends_at) / ${CELL_SECONDS})::bigint - 1) AS cell
        WHERE s.id = ${classId}
        ORDER BY k) keys`);
  }
  const [row] = await selectRows<{
    id: string;
    coach_id: string;
    title: string | null;
    starts_at: string | Date;
    ends_at: string | Date;
    status: string;
    capacity: number;
    places_taken: number;
    recurring_booking_id: string | null;
  }>(
    tx,
    sql`SELECT id, coach_id, title, starts_at, ends_at, status::text AS status, capacity, places_taken, recurring_booking_id
        FROM ${trainingSessions} WHERE id = ${classId} AND type = 'GROUP' FOR UPDATE`,
  );
  if (!row) return null;
  return {
    id: row.id,
    coachId: row.coach_id,
    title: row.title,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    status: row.status,
    capacity: Number(row.capacity),
    placesTaken: Number(row.places_taken),
    recurringBookingId: row.recurring_booking_id,
  };
}

/** The studio's waitlist cut-off in minutes (default 120). */
export async function waitlistCutoffMinutes(db: DatabaseOrTransaction): Promise<number> {
  const [row] = await selectRows<{ minutes: number }>(db, sql`SELECT ${studioSettings.waitlistCutoffMinutes} AS minutes FROM ${studioSettings}`);
  return row ? Number(row.minutes) : 120;
}

/** A class series (a recurring_bookings row without a member): its coach and status; 404 when there is none. */
export async function findClassSeries(db: DatabaseOrTransaction, seriesId: string): Promise<{ coach_id: string; status: string }> {
  const [series] = await selectRows<{ coach_id: string; status: string }>(
    db,
    sql`SELECT coach_id, status::text AS status FROM recurring_bookings WHERE id = ${seriesId} AND member_id IS NULL`,
  );
  if (!series) throw new AppError("not_found", `No class series with id ${seriesId}`);
  return series;
}
