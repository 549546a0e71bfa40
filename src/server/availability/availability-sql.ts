// The one SQL definition of "inside the coach's availability", shared by the
// generator (src/server/sessions/occurrences-sql.ts: an occurrence outside it
// becomes an `outside_availability` conflict) and by the availability use
// cases (a rule change or a deleted addition reports the sessions it leaves
// outside). One definition, so the two can never disagree about a session.
//
// Available on a local date = the coach's weekly rules for that date's day of
// week, each turned into instants with wall_clock_to_instant() (DESIGN.md's
// DST rule), ∪ every availability addition that overlaps the range. A range
// is covered when that union (a multirange) contains it whole.
import { sql, type SQL } from "drizzle-orm";

export interface CoverageTerms {
  /** text: the coach's id. */
  coachId: SQL;
  /** date: the range's start as a local date in the coach's zone. */
  localDate: SQL;
  /** text: the coach's effective IANA zone. */
  zone: SQL;
  /** timestamptz: the range, half-open [startsAt, endsAt). */
  startsAt: SQL;
  endsAt: SQL;
}

/** A boolean SQL expression: true when [startsAt, endsAt) lies wholly inside the coach's availability. */
export function coveredByAvailability({ coachId, localDate, zone, startsAt, endsAt }: CoverageTerms): SQL {
  return sql`coalesce((
          SELECT range_agg(avail.r) FROM (
            SELECT tstzrange(wall_clock_to_instant(${localDate} + w.start_time::time, ${zone}),
                             wall_clock_to_instant(${localDate} + w.end_time::time, ${zone}), '[)') AS r
            FROM weekly_availability w
            WHERE w.coach_id = ${coachId} AND w.day_of_week = extract(dow FROM ${localDate})::int
            UNION ALL
            SELECT tstzrange(a.starts_at, a.ends_at, '[)')
            FROM availability_additions a
            WHERE a.coach_id = ${coachId} AND a.starts_at < ${endsAt} AND a.ends_at > ${startsAt}
          ) avail
        ) @> tstzrange(${startsAt}, ${endsAt}, '[)'), false)`;
}
