// DESIGN.md's invariants as queries: each one lists the rows that break it.
// The database enforces most of them by itself (exclusion constraints, unique
// keys, checks); this checker reads the data as it is, so it also catches a
// constraint that was dropped or never applied, and the invariants Postgres
// cannot express (a cancelled series still holding future sessions, a
// conflict recorded for an occurrence that was placed, status and link
// consistency). Shared by the reliability tests and `npm run db:check`.
// Read-only: plain SELECTs, safe on a live database.
import { sql, type SQL } from "drizzle-orm";
import { selectRows, type DatabaseOrTransaction } from "./index";

export interface InvariantViolation {
  /** Which invariant, e.g. "coach-overlap". */
  invariant: string;
  /** What it means, for a person. */
  description: string;
  /** How many rows break it. */
  count: number;
  /** Up to EXAMPLES of them, one line each (ids and instants). */
  examples: string[];
}

const EXAMPLES = 5;

interface InvariantCheck {
  invariant: string;
  description: string;
  /** One row per violation, with a text column `example`. */
  query: SQL;
}

/**
 * Non-cancelled sessions of one coach (or member) that overlap an earlier
 * one: one row per such session, naming one session it overlaps. Over every
 * status, not only the live calendar the exclusion constraints cover
 * (src/db/live-calendar.ts), so one sorted pass per party rather than a
 * self-join: a history of completed sessions has no index to join on.
 */
const overlapping = (party: "coach_id" | "member_id") => {
  const column = sql.raw(party);
  return sql`
  SELECT o.party || ': ' || o.id || ' [' || o.starts_at || ', ' || o.ends_at || ') overlaps ' || b.id AS example
  FROM (
    SELECT id, ${column} AS party, starts_at, ends_at,
           max(ends_at) OVER (PARTITION BY ${column} ORDER BY starts_at, id
                              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_end
    FROM training_sessions WHERE status <> 'cancelled' AND ${column} IS NOT NULL
  ) o
  CROSS JOIN LATERAL (
    SELECT b.id FROM training_sessions b
    WHERE b.${column} = o.party AND b.status <> 'cancelled' AND b.id <> o.id
      AND b.starts_at < o.ends_at AND b.ends_at > o.starts_at
    ORDER BY b.starts_at, b.id LIMIT 1
  ) b
  WHERE o.earlier_end > o.starts_at`;
};

export const INVARIANT_CHECKS: readonly InvariantCheck[] = [
  {
    invariant: "coach-overlap",
    description: "1. two non-cancelled sessions of one coach overlap",
    query: overlapping("coach_id"),
  },
  {
    invariant: "member-overlap",
    description: "1. two non-cancelled sessions of one member overlap",
    query: overlapping("member_id"),
  },
  {
    invariant: "duplicate-occurrence",
    description: "2. a series has more than one session for the same occurrence",
    query: sql`
      SELECT recurring_booking_id || ' at ' || starts_at || ' × ' || count(*) AS example
      FROM training_sessions WHERE recurring_booking_id IS NOT NULL
      GROUP BY recurring_booking_id, starts_at HAVING count(*) > 1`,
  },
  {
    invariant: "duplicate-conflict",
    description: "3. an occurrence is recorded as a conflict more than once",
    query: sql`
      SELECT recurring_booking_id || ' at ' || starts_at || ' × ' || count(*) AS example
      FROM session_conflicts GROUP BY recurring_booking_id, starts_at HAVING count(*) > 1`,
  },
  {
    invariant: "open-conflict-for-placed-occurrence",
    description: "3. an open conflict names an occurrence that has a non-cancelled session",
    query: sql`
      SELECT x.id || ' (' || x.recurring_booking_id || ' at ' || x.starts_at || ') has session ' || t.id AS example
      FROM session_conflicts x
      JOIN training_sessions t ON t.recurring_booking_id = x.recurring_booking_id AND t.starts_at = x.starts_at
      WHERE x.status = 'open' AND t.status <> 'cancelled'`,
  },
  {
    invariant: "open-conflict-of-cancelled-series",
    description: "3. a cancelled series still has open conflicts",
    query: sql`
      SELECT x.id || ' of series ' || x.recurring_booking_id AS example
      FROM session_conflicts x JOIN recurring_bookings rb ON rb.id = x.recurring_booking_id
      WHERE x.status = 'open' AND rb.status = 'cancelled'`,
  },
  {
    invariant: "conflict-parties",
    description: "3. a conflict's coach or member is not its series'",
    query: sql`
      SELECT x.id || ' of series ' || x.recurring_booking_id AS example
      FROM session_conflicts x JOIN recurring_bookings rb ON rb.id = x.recurring_booking_id
      WHERE x.coach_id <> rb.coach_id OR x.member_id <> rb.member_id`,
  },
  {
    invariant: "conflict-resolution",
    description: "3. a conflict's status and resolved_at disagree (resolved ⇔ resolved_at set)",
    query: sql`
      SELECT id || ' ' || status || ', resolved_at ' || coalesce(resolved_at::text, 'NULL') AS example
      FROM session_conflicts WHERE (status = 'resolved') <> (resolved_at IS NOT NULL)`,
  },
  {
    invariant: "cancelled-series-future-session",
    description: "2/4. a cancelled series still has a scheduled session after its cancellation",
    query: sql`
      SELECT t.id || ' at ' || t.starts_at || ' of series ' || rb.id || ' cancelled at ' || rb.cancelled_at AS example
      FROM training_sessions t JOIN recurring_bookings rb ON rb.id = t.recurring_booking_id
      WHERE rb.status = 'cancelled' AND t.status = 'scheduled'
        AND t.starts_at > coalesce(rb.cancelled_at, rb.updated_at)`,
  },
  {
    invariant: "series-session-parties",
    description: "the coach or member of a series' session is not the series'",
    query: sql`
      SELECT t.id || ' of series ' || rb.id AS example
      FROM training_sessions t JOIN recurring_bookings rb ON rb.id = t.recurring_booking_id
      WHERE t.coach_id <> rb.coach_id OR t.member_id IS DISTINCT FROM rb.member_id`,
  },
  {
    invariant: "series-session-dates",
    description: "a non-cancelled session of a series lies outside its start and end dates",
    // A day of margin each side: the dates are local to the coach's zone.
    query: sql`
      SELECT t.id || ' at ' || t.starts_at || ' of series ' || rb.id || ' (' || rb.start_date || ' – ' ||
             coalesce(rb.end_date::text, 'open') || ')' AS example
      FROM training_sessions t JOIN recurring_bookings rb ON rb.id = t.recurring_booking_id
      WHERE t.status <> 'cancelled'
        AND (t.starts_at < (rb.start_date - 1)::timestamp AT TIME ZONE 'UTC'
             OR t.starts_at >= (rb.end_date + 2)::timestamp AT TIME ZONE 'UTC')`,
  },
  {
    invariant: "session-cancellation-time",
    description: "4. a session that is not cancelled carries a cancellation time",
    query: sql`
      SELECT id || ' ' || status || ' cancelled_at ' || cancelled_at AS example
      FROM training_sessions WHERE status <> 'cancelled' AND cancelled_at IS NOT NULL`,
  },
  {
    invariant: "one-time-booking-link",
    description: "a one-time booking and its session do not point at each other",
    query: sql`
      SELECT 'session ' || t.id || ' → booking ' || t.one_time_booking_id || ' → session ' ||
             coalesce(b.session_id, 'NULL') AS example
      FROM training_sessions t LEFT JOIN bookings b ON b.id = t.one_time_booking_id
      WHERE t.one_time_booking_id IS NOT NULL AND b.session_id IS DISTINCT FROM t.id`,
  },
  {
    invariant: "one-time-booking-status",
    description: "4. a one-time booking's status disagrees with its session's (cancelled ⇔ CANCELLED_BY_*)",
    query: sql`
      SELECT 'booking ' || b.id || ' ' || b.status || ', session ' || t.id || ' ' || t.status AS example
      FROM bookings b JOIN training_sessions t ON t.one_time_booking_id = b.id AND b.session_id = t.id
      WHERE (t.status = 'cancelled') <> (b.status IN ('CANCELLED_BY_MEMBER', 'CANCELLED_BY_COACH'))
         OR (t.status = 'no_show') <> (b.status = 'NO_SHOW')`,
  },
  {
    invariant: "session-range",
    description: "a session ends at or before its start",
    query: sql`SELECT id || ' [' || starts_at || ', ' || ends_at || ')' AS example
               FROM training_sessions WHERE ends_at <= starts_at`,
  },
  // Invariant 8: classes (drizzle/0009).
  {
    invariant: "class-places-count",
    description: "a class's places_taken is not the number of places it holds (confirmed, attended, no-show)",
    query: sql`SELECT t.id || ': places_taken ' || t.places_taken || ', held ' || coalesce(h.held, 0) AS example
               FROM training_sessions t
               LEFT JOIN (SELECT class_id, count(*) AS held FROM class_enrolments
                          WHERE status IN ('confirmed', 'attended', 'no_show') GROUP BY class_id) h ON h.class_id = t.id
               WHERE t.type = 'GROUP' AND t.places_taken <> coalesce(h.held, 0)`,
  },
  {
    invariant: "class-over-capacity",
    description: "a class holds more places than its capacity (v1 classes that were already over it aside)",
    query: sql`SELECT t.id || ': ' || t.places_taken || ' places, capacity ' || t.capacity AS example
               FROM training_sessions t
               WHERE t.type = 'GROUP' AND t.places_taken > t.capacity
                 AND NOT EXISTS (SELECT 1 FROM class_enrolments e WHERE e.class_id = t.id AND e.v1_booking_id IS NOT NULL)`,
  },
  {
    invariant: "class-place-overlap",
    description: "a member's confirmed class place overlaps another of their places or a session of theirs",
    query: sql`SELECT 'member ' || e.member_id || ': place ' || e.id || ' overlaps ' || coalesce(o.id, t.id) AS example
               FROM class_enrolments e
               LEFT JOIN class_enrolments o ON o.member_id = e.member_id AND o.id < e.id AND o.status = 'confirmed'
                 AND o.starts_at < e.ends_at AND o.ends_at > e.starts_at
               LEFT JOIN training_sessions t ON t.member_id = e.member_id AND t.status IN ('scheduled', 'no_show')
                 AND t.starts_at < e.ends_at AND t.ends_at > e.starts_at
               WHERE e.status = 'confirmed' AND (o.id IS NOT NULL OR t.id IS NOT NULL)`,
  },
  {
    invariant: "place-in-cancelled-class",
    description: "a cancelled class still has a confirmed or waitlisted place",
    query: sql`SELECT 'class ' || t.id || ': place ' || e.id || ' ' || e.status AS example
               FROM class_enrolments e JOIN training_sessions t ON t.id = e.class_id
               WHERE t.status = 'cancelled' AND e.status IN ('confirmed', 'waitlisted')`,
  },
];

/**
 * Every invariant that does not hold, with its count and a few examples;
 * empty when the data is sound. Pass a transaction to read one snapshot.
 */
export async function checkInvariants(db: DatabaseOrTransaction): Promise<InvariantViolation[]> {
  const violations: InvariantViolation[] = [];
  for (const check of INVARIANT_CHECKS) {
    const rows = await selectRows<{ example: string; total: number }>(
      db,
      sql`SELECT example, count(*) OVER ()::int AS total FROM (${check.query}) v LIMIT ${EXAMPLES}`,
    );
    if (rows.length > 0) {
      violations.push({
        invariant: check.invariant,
        description: check.description,
        count: Number(rows[0]!.total),
        examples: rows.map((row) => String(row.example)),
      });
    }
  }
  return violations;
}

/** The violations as lines a person reads (db:check, test failures). */
export function describeViolations(violations: readonly InvariantViolation[]): string {
  return violations
    .map((v) => [`${v.invariant} (${v.count}): ${v.description}`, ...v.examples.map((e) => `  ${e}`)].join("\n"))
    .join("\n");
}
