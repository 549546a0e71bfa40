// The set-based heart of the pipeline: series → the occurrences they owe
// inside a window → each one checked (blocked? inside availability? coach
// free? member free?) → placed as training sessions or recorded as conflicts.
// One SQL statement per call, whatever the number of series: no round trip
// per row. Used by series creation (one series, the booking horizon) and by
// the generator (every active series, a batch at a time).
//
// Occurrence dates follow src/domain/recurrence.ts (first `day_of_week` on or
// after start_date, then every `frequency` weeks from it) and local times
// become instants with wall_clock_to_instant() (drizzle/0002), the SQL twin
// of src/domain/time.ts; property tests hold both pairs equal.
import { sql, type SQL } from "drizzle-orm";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import type { ConflictReason } from "@/db/schema";
import { coveredByAvailability } from "../availability/availability-sql";

export interface OccurrenceWindow {
  /** Occurrences that start after this instant… */
  after: Date;
  /** …and before this one. */
  until: Date;
  /** The zone of coaches without their own (BUSINESS_TIMEZONE). */
  businessTimeZone: string;
  /** Which active series: one (creation) or a batch of ids (after, last] (the generator). */
  series: { id: string } | { idAfter: string | null; idLast: string };
}

export interface PlannedOccurrence {
  recurringBookingId: string;
  /** Local date in the coach's zone. */
  date: string;
  startsAt: Date;
  endsAt: Date;
  /** Why it cannot be placed; null when it fits. */
  reason: ConflictReason | null;
}

/** `[a, b)` of a session row, written as the exclusion constraints write it (so their gist indexes serve it). */
const sessionRange = (alias: string) => sql.raw(`tstzrange(${alias}.starts_at, ${alias}.ends_at, '[)')`);

/**
 * The CTEs up to `checked`: every occurrence of the chosen active series in
 * the window that is neither a session nor a recorded conflict yet, with the
 * first reason it does not fit (blocked, outside availability, coach busy,
 * member busy) or NULL.
 */
function checkedOccurrences(window: OccurrenceWindow): SQL {
  const after = window.after.toISOString();
  const until = window.until.toISOString();
  // A day of margin covers every UTC offset; the instant filter decides.
  const fromDate = new Date(window.after.getTime() - 86_400_000).toISOString().slice(0, 10);
  const toDate = new Date(window.until.getTime() + 86_400_000).toISOString().slice(0, 10);
  // The chosen series, as a condition on a column holding a series id: on
  // recurring_bookings for the series themselves, and on the existing
  // sessions and conflicts, so that finding what exists reads only the
  // batch's rows (a range of the (recurring_booking_id, starts_at) unique
  // indexes) instead of hashing the whole table once per batch.
  const which = (column: string) => {
    const ref = sql.raw(column);
    return "id" in window.series
      ? sql`${ref} = ${window.series.id}`
      : window.series.idAfter === null
        ? sql`${ref} <= ${window.series.idLast}`
        : sql`${ref} > ${window.series.idAfter} AND ${ref} <= ${window.series.idLast}`;
  };

  return sql`
    WITH series AS (
      SELECT rb.id, rb.coach_id, rb.member_id, rb.start_time, rb.end_time, rb.frequency,
             rb.created_at, rb.end_date,
             coalesce(cs.timezone, ${window.businessTimeZone}) AS zone,
             rb.start_date + ((rb.day_of_week - extract(dow FROM rb.start_date)::int + 7) % 7) AS first_date
      FROM recurring_bookings rb
      LEFT JOIN coach_settings cs ON cs.coach_id = rb.coach_id
      WHERE rb.status = 'active' AND ${which("rb.id")}
    ),
    candidates AS (
      SELECT s.id AS recurring_booking_id, s.coach_id, s.member_id, s.created_at, s.zone, o.local_date,
             wall_clock_to_instant(o.local_date + s.start_time::time, s.zone) AS starts_at,
             wall_clock_end(o.local_date, s.start_time::time, s.end_time::time, s.zone) AS ends_at
      FROM series s
      CROSS JOIN LATERAL (
        SELECT d::date AS local_date
        FROM generate_series(
          -- the first occurrence on or after the window, keeping the series' parity
          (s.first_date + 7 * s.frequency
             * greatest(0, ceil((${fromDate}::date - s.first_date) / (7.0 * s.frequency)))::int)::timestamp,
          least(coalesce(s.end_date, ${toDate}::date), ${toDate}::date)::timestamp,
          make_interval(days => 7 * s.frequency)
        ) AS d
      ) o
    ),
    -- What the chosen series already have in the window (sessions, whatever
    -- their status, and recorded conflicts), read once. Materialised, so the
    -- planner hashes it rather than probing the tables once per candidate.
    existing AS MATERIALIZED (
      SELECT t.recurring_booking_id, t.starts_at FROM training_sessions t
      WHERE ${which("t.recurring_booking_id")}
        AND t.starts_at > ${after}::timestamptz AND t.starts_at < ${until}::timestamptz
      UNION ALL
      SELECT x.recurring_booking_id, x.starts_at FROM session_conflicts x
      WHERE ${which("x.recurring_booking_id")}
        AND x.starts_at > ${after}::timestamptz AND x.starts_at < ${until}::timestamptz
    ),
    fresh AS (
      SELECT c.* FROM candidates c
      WHERE c.starts_at > ${after}::timestamptz AND c.starts_at < ${until}::timestamptz
        AND NOT EXISTS (SELECT 1 FROM existing e
                        WHERE e.recurring_booking_id = c.recurring_booking_id AND e.starts_at = c.starts_at)
    ),
    checked AS (
      SELECT f.*, (CASE
        WHEN EXISTS (SELECT 1 FROM blocked_slots b
                     WHERE b.coach_id = f.coach_id AND b.starts_at < f.ends_at AND b.ends_at > f.starts_at)
          THEN 'blocked'
        WHEN NOT ${coveredByAvailability({
          coachId: sql`f.coach_id`,
          localDate: sql`f.local_date`,
          zone: sql`f.zone`,
          startsAt: sql`f.starts_at`,
          endsAt: sql`f.ends_at`,
        })}
          THEN 'outside_availability'
        WHEN EXISTS (SELECT 1 FROM training_sessions t
                     WHERE t.coach_id = f.coach_id AND t.status <> 'cancelled'
                       AND ${sessionRange("t")} && tstzrange(f.starts_at, f.ends_at, '[)'))
          THEN 'coach_busy'
        WHEN EXISTS (SELECT 1 FROM training_sessions t
                     WHERE t.member_id = f.member_id AND t.status <> 'cancelled' AND t.member_id IS NOT NULL
                       AND ${sessionRange("t")} && tstzrange(f.starts_at, f.ends_at, '[)'))
          THEN 'member_busy'
      END)::conflict_reason AS reason
      FROM fresh f
    )`;
}

/** What placing would do, without writing: each owed occurrence and whether it fits. */
export async function planOccurrences(db: DatabaseOrTransaction, window: OccurrenceWindow): Promise<PlannedOccurrence[]> {
  const result = await selectRows<{
    recurring_booking_id: string;
    local_date: string | Date;
    starts_at: string | Date;
    ends_at: string | Date;
    reason: ConflictReason | null;
  }>(db, sql`${checkedOccurrences(window)}
    SELECT recurring_booking_id, local_date::text AS local_date, starts_at, ends_at, reason
    FROM checked ORDER BY starts_at, recurring_booking_id`);
  return result.map((row) => ({
    recurringBookingId: row.recurring_booking_id,
    date: String(row.local_date),
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    reason: row.reason,
  }));
}

export interface PlaceOptions {
  /** Recorded conflicts start "open" (the generator) or "resolved" (skipped by choice at booking). */
  conflictStatus: "open" | "resolved";
  resolution?: string;
  /** detected_at / resolved_at */
  now: Date;
  /**
   * Always arbitrate with ON CONFLICT DO NOTHING (see below). The caller sets
   * it when the fast path met a booking committed meanwhile (23P01).
   */
  arbitrate?: boolean;
}

/**
 * Places every owed occurrence that fits as a scheduled session and records
 * every other one as a conflict, in one statement. When fitting occurrences
 * of the batch overlap each other (or `arbitrate` is set), `ON CONFLICT DO
 * NOTHING` arbitrates: it covers the unique occurrence key and both
 * exclusion constraints, so the older series wins (rows go in created_at
 * order) and the other is recorded as a conflict. Otherwise a plain INSERT
 * does it at half the cost (speculative insertion probes every arbiter index
 * twice); if a booking committed meanwhile makes it fail with 23P01, the
 * caller runs it again with `arbitrate` — see placeOccurrencesRetrying().
 */
export async function placeOccurrences(
  db: DatabaseOrTransaction,
  window: OccurrenceWindow,
  options: PlaceOptions,
): Promise<{ created: number; conflicts: number }> {
  const now = options.now.toISOString();
  const resolvedAt = options.conflictStatus === "resolved" ? now : null;
  const result = await selectRows<{ created: number; conflicts: number }>(db, sql`${checkedOccurrences(window)},
    -- Do fitting occurrences of this batch overlap each other (one coach or
    -- one member)? Rare: creation checks every occurrence up to the horizon.
    arbitration AS (
      SELECT ${options.arbitrate ?? false}::boolean
        OR EXISTS (SELECT 1 FROM (
             SELECT starts_at, max(ends_at) OVER (PARTITION BY coach_id ORDER BY starts_at, ends_at
                                                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before_end
             FROM checked WHERE reason IS NULL) o WHERE o.before_end > o.starts_at)
        OR EXISTS (SELECT 1 FROM (
             SELECT starts_at, max(ends_at) OVER (PARTITION BY member_id ORDER BY starts_at, ends_at
                                                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before_end
             FROM checked WHERE reason IS NULL) o WHERE o.before_end > o.starts_at) AS needed
    ),
    -- The fast path: a plain INSERT, as cheap as the database allows. A
    -- booking committed since the checks makes it fail with 23P01; the
    -- caller then runs the batch again with \`arbitrate\`.
    placed_plain AS (
      INSERT INTO training_sessions (coach_id, member_id, recurring_booking_id, starts_at, ends_at)
      SELECT coach_id, member_id, recurring_booking_id, starts_at, ends_at
      FROM checked WHERE reason IS NULL AND NOT (SELECT needed FROM arbitration)
      RETURNING recurring_booking_id, coach_id, member_id, starts_at, ends_at
    ),
    -- Arbitrated: with no conflict target, DO NOTHING covers the unique key and
    -- both exclusion constraints, so colliding occurrences never fail the
    -- statement; rows go in series-age order, so the older series wins.
    placed_arbitrated AS (
      INSERT INTO training_sessions (coach_id, member_id, recurring_booking_id, starts_at, ends_at)
      SELECT coach_id, member_id, recurring_booking_id, starts_at, ends_at
      FROM checked WHERE reason IS NULL AND (SELECT needed FROM arbitration)
      ORDER BY created_at, recurring_booking_id, starts_at
      ON CONFLICT DO NOTHING
      RETURNING recurring_booking_id, coach_id, member_id, starts_at, ends_at
    ),
    placed AS (SELECT * FROM placed_plain UNION ALL SELECT * FROM placed_arbitrated),
    recorded AS (
      INSERT INTO session_conflicts
        (recurring_booking_id, coach_id, member_id, starts_at, ends_at, reason, status, resolution, detected_at, resolved_at)
      SELECT c.recurring_booking_id, c.coach_id, c.member_id, c.starts_at, c.ends_at,
             coalesce(c.reason, (CASE
               WHEN EXISTS (SELECT 1 FROM placed p WHERE p.coach_id = c.coach_id
                              AND p.starts_at < c.ends_at AND p.ends_at > c.starts_at) THEN 'coach_busy'
               WHEN EXISTS (SELECT 1 FROM placed p WHERE p.member_id = c.member_id
                              AND p.starts_at < c.ends_at AND p.ends_at > c.starts_at) THEN 'member_busy'
               -- taken by a booking committed while this statement ran
               ELSE 'coach_busy' END)::conflict_reason),
             ${options.conflictStatus}::conflict_status, ${options.resolution ?? null},
             ${now}::timestamptz, ${resolvedAt}::timestamptz
      FROM checked c
      WHERE c.reason IS NOT NULL
         OR NOT EXISTS (SELECT 1 FROM placed p
                        WHERE p.recurring_booking_id = c.recurring_booking_id AND p.starts_at = c.starts_at)
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM placed)::int AS created, (SELECT count(*) FROM recorded)::int AS conflicts`);
  const row = result[0]!;
  return { created: Number(row.created), conflicts: Number(row.conflicts) };
}
