// The set-based heart of the pipeline: series → the occurrences they owe
// inside a window → each one checked (blocked? inside availability? coach
// free? member free?) → placed as training sessions or recorded as conflicts.
// One SQL statement per call, whatever the number of series: no round trip
// per row. Used by series creation (one series, the booking horizon) and by
// the generator (every active series, a batch at a time).
//
// Occurrence dates follow src/domain/recurrence.ts (first `day_of_week` on or
// after start_date, then every `frequency` weeks from it) and local times
// become instants with wall_clock_to_instant() (drizzle/0002, through
// wallClockRange()), the SQL twin of src/domain/time.ts; property tests hold
// both pairs equal.
// See docs/decisions/0005-one-generation-statement.md.
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { onLiveCalendar, sessionOf, sessionRange } from "@/db/live-calendar";
import { wallClockRange } from "@/db/wall-clock-sql";
import { blockedSlots, coachSettings, recurringBookings, sessionConflicts, trainingSessions, type ConflictReason } from "@/db/schema";
import { columnName, columnNames } from "@/db/sql-names";
import { alias } from "drizzle-orm/pg-core";
import { effectiveCoachTimeZone } from "../coaches/find-coach";
import { coveredByAvailability } from "../availability/availability-sql";
import { conflictMessages } from "../messages/conflict-messages";
import { memberInClass } from "../classes/class-sql";
import { fillStandingPlaces } from "../classes/fill-standing-places";

export interface OccurrenceWindow {
  /** Occurrences that start after this instant… */
  after: Date;
  /** …and before this one. */
  until: Date;
  /** The zone of coaches without their own (BUSINESS_TIMEZONE). */
  businessTimeZone: string;
  /** Which active series: one (creation) or a batch of ids (after, last] (the generator). */
  series: { id: string } | { idAfter: string | null; idLast: string; lane?: number };
}

/** The chosen series and their coaches' settings, as every statement here and the generator's batches name them. */
export const rb = alias(recurringBookings, "rb");
export const cs = alias(coachSettings, "cs");
const t = alias(trainingSessions, "t");
const x = alias(sessionConflicts, "x");
const b = alias(blockedSlots, "b");

export interface PlannedOccurrence {
  recurringBookingId: string;
  /** Local date in the coach's zone. */
  date: string;
  startsAt: Date;
  endsAt: Date;
  /** Why it cannot be placed; null when it fits. */
  reason: ConflictReason | null;
}

/**
 * Whether series rb (whose coach's zone is `zone`) may owe an occurrence
 * before `until`: its high-water mark (next_occurrence_on) is unknown, or its next occurrence is due before
 * `until` and not after its end date. The day after a run, that is about
 * one series in seven (weekly series), not all of them.
 *
 * A pre-filter on wall-clock time, so that an index-free comparison can
 * pick the series: an occurrence's instant, shown in its zone, is never
 * earlier than its wall-clock time (a time in a spring-forward gap moves
 * later) and local time steps back at most a few hours (the repeated hour),
 * so three hours of margin never leaves out a series that owes one; the
 * instant comparison in the statement decides. A comparison of plain dates
 * comes first (lastLocalDate(): a day of margin covers every offset): it
 * settles six series in seven the day after a run without converting
 * anything, which at 100,000 series is most of this test's cost.
 */
export function owesOccurrences(zone: SQL, until: Date): SQL {
  const next = rb.nextOccurrenceOn;
  return sql`(${next} IS NULL OR (
    ${next} <= ${lastLocalDate(until)}::date
    AND ${next} + ${rb.startTime}::time
      < (${until.toISOString()}::timestamptz AT TIME ZONE ${zone}) + interval '3 hours'
    AND (${rb.endDate} IS NULL OR ${next} <= ${rb.endDate})))`;
}

/**
 * Whether series rb owes an occurrence before `until`, exactly: its
 * high-water mark is unknown, or its next occurrence's instant is before
 * `until`. One wall-clock conversion per series: use it after
 * owesOccurrences() has picked the few that may.
 */
export function owesOccurrenceExactly(zone: SQL, until: Date): SQL {
  const next = rb.nextOccurrenceOn;
  return sql`(${next} IS NULL
    OR wall_clock_to_instant(${next} + ${rb.startTime}::time, ${zone}) < ${until.toISOString()}::timestamptz)`;
}

/** The zone of the coach of series rb, given coach_settings joined as cs. */
export const seriesZone = (businessTimeZone: string): SQL => effectiveCoachTimeZone(cs.timezone, businessTimeZone);

/** The last local date, in any zone, that can hold an instant before `until` (a day of margin covers every UTC offset). */
function lastLocalDate(until: Date): string {
  return new Date(until.getTime() + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Occurrence `name` overlaps a session (on the live calendar) of its coach,
 * or of its member. An occurrence (a row of the CTEs below) is a session to
 * be, under a session's column names.
 */
function overlapsSession(name: string, party: "coachId" | "memberId"): SQL {
  const o = alias(trainingSessions, name);
  return sql`EXISTS (SELECT 1 FROM ${trainingSessions} ${t}
                     WHERE ${sessionOf(t, party, o[party])}
                       AND ${sessionRange(t)} && tstzrange(${o.startsAt}, ${o.endsAt}, '[)')
                       AND ${onLiveCalendar(t)})`;
}

/**
 * The chosen series, as a condition on rb: one, or an id range
 * (after, last], of one lane's coaches when the generator runs lanes.
 */
export function chosenSeries(chosen: OccurrenceWindow["series"]): SQL {
  if ("id" in chosen) return sql`${rb.id} = ${chosen.id}`;
  const range = chosen.idAfter === null ? sql`${rb.id} <= ${chosen.idLast}` : sql`${rb.id} > ${chosen.idAfter} AND ${rb.id} <= ${chosen.idLast}`;
  return chosen.lane === undefined ? range : sql`${range} AND ${generationLane(rb.coachId)} = ${chosen.lane}`;
}

/**
 * The generator splits the series into this many lanes, by a hash of their
 * coach (so that series competing for one coach's time are placed by one
 * batch, where the older wins): each lane's batches run in order under the
 * lane's own lock, and on PostgreSQL the lanes run side by side, each on a
 * connection of its own.
 */
export const GENERATION_LANES = 2;

/** The lane (0 … GENERATION_LANES − 1) of the coach whose id is in `column`. */
export const generationLane = (column: SQLWrapper): SQL =>
  sql`((hashtext(${column}) % ${sql.raw(String(GENERATION_LANES))}) + ${sql.raw(String(GENERATION_LANES))}) % ${sql.raw(String(GENERATION_LANES))}`;

/** The earliest instant of a local date in any zone (UTC offsets stay within ±1 day). */
const earliestInstant = (localDate: string) => sql.raw(`((${localDate} - 1)::timestamp AT TIME ZONE 'UTC')`);

/**
 * The CTEs up to `checked`: every occurrence of the chosen active series in
 * the window that is neither a session nor a recorded conflict yet, with the
 * first reason it does not fit (blocked, outside availability, coach busy,
 * member busy) or NULL.
 */
function checkedOccurrences(window: OccurrenceWindow, busyChecks = true): SQL {
  const after = window.after.toISOString();
  const until = window.until.toISOString();
  // A day of margin covers every UTC offset; the instant filter decides.
  const fromDate = new Date(window.after.getTime() - 86_400_000).toISOString().slice(0, 10);
  const toDate = lastLocalDate(window.until);
  return sql`
    WITH series AS (
      SELECT w.*,
             -- the first date to derive: the first occurrence on or after the
             -- window, keeping the series' parity, or the high-water mark when
             -- the series is materialised beyond that
             greatest(w.window_date, coalesce(w.next_occurrence_on, w.window_date)) AS from_date
      FROM (
        SELECT ${rb.id}, ${rb.coachId}, ${rb.memberId}, ${rb.startTime}, ${rb.endTime}, ${rb.frequency}, ${rb.title}, ${rb.capacity},
               ${rb.createdAt}, ${rb.endDate}, ${rb.nextOccurrenceOn},
               ${seriesZone(window.businessTimeZone)} AS zone,
               f.first_date + 7 * ${rb.frequency}
                 * greatest(0, ceil((${fromDate}::date - f.first_date) / (7.0 * ${rb.frequency})))::int AS window_date
        FROM ${recurringBookings} ${rb}
        CROSS JOIN LATERAL (SELECT ${rb.startDate}
                              + ((${rb.dayOfWeek} - extract(dow FROM ${rb.startDate})::int + 7) % 7) AS first_date) f
        LEFT JOIN ${coachSettings} ${cs} ON ${cs.coachId} = ${rb.coachId}
        WHERE ${rb.status} = 'active' AND ${chosenSeries(window.series)}
          AND ${owesOccurrences(seriesZone(window.businessTimeZone), window.until)}
      ) w
    ),
    candidates AS (
      SELECT s.id AS recurring_booking_id, s.coach_id, s.member_id, s.created_at, s.zone, s.frequency, o.local_date,
             i.starts_at, i.ends_at,
             -- a class series (no member) places classes
             (CASE WHEN s.capacity IS NULL THEN 'ONE_TO_ONE' ELSE 'GROUP' END)::session_type AS type, s.title,
             coalesce(s.capacity, 1) AS capacity
      FROM series s
      CROSS JOIN LATERAL (
        SELECT d::date AS local_date
        FROM generate_series(
          s.from_date::timestamp,
          least(coalesce(s.end_date, ${toDate}::date), ${toDate}::date)::timestamp,
          make_interval(days => 7 * s.frequency)
        ) AS d
      ) o
      CROSS JOIN LATERAL ${wallClockRange({ date: sql`o.local_date`, startTime: sql`s.start_time`, endTime: sql`s.end_time`, zone: sql`s.zone` })} i
    ),
    -- What the chosen series already have from their first date to derive
    -- (sessions, whatever their status, and recorded conflicts), read once:
    -- per series, a range of the (recurring_booking_id, starts_at) unique
    -- indexes (OFFSET 0 keeps the planner from turning that into a scan of
    -- every session in the window). Materialised, so the planner hashes it
    -- rather than probing the tables once per candidate.
    existing AS MATERIALIZED (
      SELECT s.id AS recurring_booking_id, e.starts_at FROM series s
      CROSS JOIN LATERAL (
        SELECT ${t.startsAt} FROM ${trainingSessions} ${t}
        WHERE ${t.recurringBookingId} = s.id AND ${t.startsAt} >= ${earliestInstant("s.from_date")}
          AND ${t.startsAt} > ${after}::timestamptz AND ${t.startsAt} < ${until}::timestamptz
        UNION ALL
        SELECT ${x.startsAt} FROM ${sessionConflicts} ${x}
        WHERE ${x.recurringBookingId} = s.id AND ${x.startsAt} >= ${earliestInstant("s.from_date")}
          AND ${x.startsAt} > ${after}::timestamptz AND ${x.startsAt} < ${until}::timestamptz
        OFFSET 0
      ) e
    ),
    fresh AS (
      SELECT c.* FROM candidates c
      WHERE c.starts_at > ${after}::timestamptz AND c.starts_at < ${until}::timestamptz
        AND NOT EXISTS (SELECT 1 FROM existing e
                        WHERE e.recurring_booking_id = c.recurring_booking_id AND e.starts_at = c.starts_at)
    ),
    checked AS (
      SELECT f.*, (CASE
        WHEN EXISTS (SELECT 1 FROM ${blockedSlots} ${b}
                     WHERE ${b.coachId} = f.coach_id AND ${b.startsAt} < f.ends_at AND ${b.endsAt} > f.starts_at)
          THEN 'blocked'
        -- a class is the coach's own choice of time: only members' series keep to the weekly hours
        WHEN f.member_id IS NOT NULL AND NOT ${coveredByAvailability({
          coachId: sql`f.coach_id`,
          localDate: sql`f.local_date`,
          zone: sql`f.zone`,
          startsAt: sql`f.starts_at`,
          endsAt: sql`f.ends_at`,
        })}
          THEN 'outside_availability'
        ${busyChecks ? sql`WHEN ${overlapsSession("f", "coachId")} THEN 'coach_busy'
        WHEN ${overlapsSession("f", "memberId")} THEN 'member_busy'` : sql``}
        -- a member's confirmed class place: no constraint spans the two tables, so always checked
        WHEN f.member_id IS NOT NULL AND ${memberInClass(sql`f.member_id`, sql`f.starts_at`, sql`f.ends_at`)} THEN 'member_busy'
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

// What a placed occurrence inserts (read from `checked` by the same names), returns, and what a conflict records.
const ts = trainingSessions;
const placedColumns = columnNames(ts.coachId, ts.memberId, ts.recurringBookingId, ts.startsAt, ts.endsAt, ts.type, ts.title, ts.capacity);
const returnedColumns = columnNames(ts.id, ts.recurringBookingId, ts.coachId, ts.memberId, ts.startsAt, ts.endsAt, ts.type, ts.capacity);
const sc = sessionConflicts;
const recordedColumns = columnNames(
  sc.recurringBookingId, sc.coachId, sc.memberId, sc.startsAt, sc.endsAt, sc.reason, sc.status, sc.resolution, sc.detectedAt, sc.resolvedAt,
);

export interface PlaceOptions {
  /** Recorded conflicts start "open" (the generator) or "resolved" (skipped by choice at booking). */
  conflictStatus: "open" | "resolved";
  resolution?: string;
  /** detected_at / resolved_at */
  now: Date;
  /**
   * Always arbitrate with ON CONFLICT DO NOTHING (see below). The caller sets
   * it when the fast path met a session it did not check against (23P01).
   */
  arbitrate?: boolean;
  /**
   * Check each occurrence against its coach's and member's sessions before
   * inserting (default true). Without it the exclusion constraints alone
   * decide: an occurrence that overlaps a session fails the plain INSERT
   * with 23P01, and the caller runs the batch again with the checks and
   * `arbitrate`. The generator's fast path: a batch that overlaps nothing
   * (the usual day) is not searched twice, once by the check and once by
   * the constraint.
   */
  busyChecks?: boolean;
  /**
   * Tell the member and the coach of each occurrence recorded as a conflict
   * (the generator; a booking lists its skipped dates in its own confirmation).
   */
  notifyConflicts?: boolean;
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
  const result = await selectRows<{ created: number; conflicts: number; classes: string[] }>(db, sql`${checkedOccurrences(window, options.busyChecks ?? true)},
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
             FROM checked WHERE reason IS NULL AND member_id IS NOT NULL) o WHERE o.before_end > o.starts_at) AS needed
    ),
    -- The fast path: a plain INSERT, as cheap as the database allows. A
    -- booking committed since the checks makes it fail with 23P01; the
    -- caller then runs the batch again with \`arbitrate\`.
    placed_plain AS (
      INSERT INTO ${trainingSessions} (${placedColumns})
      SELECT ${placedColumns}
      FROM checked WHERE reason IS NULL AND NOT (SELECT needed FROM arbitration)
      RETURNING ${returnedColumns}
    ),
    -- Arbitrated: with no conflict target, DO NOTHING covers the unique key and
    -- both exclusion constraints, so colliding occurrences never fail the
    -- statement; rows go in series-age order, so the older series wins.
    placed_arbitrated AS (
      INSERT INTO ${trainingSessions} (${placedColumns})
      SELECT ${placedColumns}
      FROM checked WHERE reason IS NULL AND (SELECT needed FROM arbitration)
      ORDER BY created_at, recurring_booking_id, starts_at
      ON CONFLICT DO NOTHING
      RETURNING ${returnedColumns}
    ),
    placed AS (SELECT * FROM placed_plain UNION ALL SELECT * FROM placed_arbitrated),
    recorded AS (
      INSERT INTO ${sessionConflicts}
        (${recordedColumns})
      SELECT c.recurring_booking_id, c.coach_id, c.member_id, c.starts_at, c.ends_at,
             coalesce(c.reason, (CASE
               -- not checked before (busyChecks off): the sessions there before this statement
               WHEN ${overlapsSession("c", "coachId")} THEN 'coach_busy'
               WHEN ${overlapsSession("c", "memberId")} THEN 'member_busy'
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
      RETURNING ${options.notifyConflicts ? sql`${columnNames(sc.id, sc.recurringBookingId, sc.coachId, sc.memberId, sc.startsAt, sc.endsAt, sc.reason)}` : sql`1`}
    ),${options.notifyConflicts ? sql`
    notified AS (${conflictMessages(sql`recorded`, window.businessTimeZone)}),` : sql``}
    -- Every occurrence before the window's end now exists (or was past):
    -- move each series' high-water mark beyond its last one, so the next
    -- run starts there instead of deriving the whole window again.
    advanced AS (
      UPDATE ${recurringBookings} ${rb} SET ${columnName(rb.nextOccurrenceOn)} = n.next_on
      FROM (SELECT recurring_booking_id, max(local_date) + 7 * max(frequency) AS next_on
            FROM candidates WHERE starts_at < ${window.until.toISOString()}::timestamptz
            GROUP BY recurring_booking_id) n
      WHERE ${rb.id} = n.recurring_booking_id
        AND (${rb.nextOccurrenceOn} IS NULL OR ${rb.nextOccurrenceOn} < n.next_on)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM placed)::int AS created, (SELECT count(*) FROM recorded)::int AS conflicts,
           (SELECT coalesce(array_agg(id), '{}') FROM placed WHERE type = 'GROUP') AS classes`);
  // The worker polls; a run's conflict messages need no wake-up of their own.
  const row = result[0]!;
  // Placed classes take their series' standing places (a statement of its
  // own: the places and their messages must see the classes).
  if (row.classes.length > 0) await fillStandingPlaces(db, row.classes, options.now);
  return { created: Number(row.created), conflicts: Number(row.conflicts) };
}
