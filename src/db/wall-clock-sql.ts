// Wall-clock ranges as instants in set-based SQL. wall_clock_end()
// (drizzle/0002) is inlined by the planner, and inlined it converts the end
// twice and the start once more, on top of the start the caller converts:
// four wall_clock_to_instant() per range. wallClockRange() converts each end
// once (a LATERAL subquery that OFFSET 0 keeps from being flattened back
// into the expressions that use it) and applies wall_clock_end()'s rule to
// the two instants. tests/integration/time-sql-parity.test.ts holds it equal
// to wall_clock_end() and to wallClockEnd() (src/domain/time.ts).
// See docs/decisions/0008-wall-clock-time-rule.md.
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

export interface WallClockRangeTerms {
  /** date: the local date. */
  date: SQLWrapper;
  /** time: the wall-clock start and end on that date (end after start). */
  startTime: SQLWrapper;
  endTime: SQLWrapper;
  /** text: the IANA zone. */
  zone: SQLWrapper;
}

/**
 * A LATERAL subquery with one row (starts_at, ends_at): the instants of
 * startTime–endTime on `date` in `zone`, as wall_clock_to_instant() and
 * wall_clock_end() give them. Use as `CROSS JOIN LATERAL ${wallClockRange(…)} alias`.
 */
export function wallClockRange({ date, startTime, endTime, zone }: WallClockRangeTerms): SQL {
  return sql`(
    SELECT i.starts_at,
           -- wall_clock_end(): the end's own instant, unless a spring-forward gap
           -- pushed the start to or past it; then the wall-clock length from the start
           CASE WHEN i.end_instant > i.starts_at THEN i.end_instant
                ELSE i.starts_at + ((${endTime})::time - (${startTime})::time) END AS ends_at
    FROM (SELECT wall_clock_to_instant((${date})::date + (${startTime})::time, ${zone}) AS starts_at,
                 wall_clock_to_instant((${date})::date + (${endTime})::time, ${zone}) AS end_instant
          OFFSET 0) i)`;
}
