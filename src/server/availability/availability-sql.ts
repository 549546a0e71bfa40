// The one SQL definition of "inside the coach's availability", shared by the
// generator (src/server/sessions/occurrences-sql.ts: an occurrence outside it
// becomes an `outside_availability` conflict) and by the availability use
// cases (a rule change or a deleted addition reports the sessions it leaves
// outside). One definition, so the two can never disagree about a session.
//
// Available on a local date = the coach's weekly rules for that date's day of
// week, each turned into instants with wall_clock_to_instant() (DESIGN.md's
// DST rule; wallClockRange()), ∪ every availability addition that overlaps
// the range. A range is covered when that union (a multirange) contains it
// whole.
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { onLiveCalendar, sessionOf, sessionRange } from "@/db/live-calendar";
import { wallClockRange } from "@/db/wall-clock-sql";
import { availabilityAdditions, blockedSlots, calendarVersions, coachSettings, trainingSessions, users, weeklyAvailability } from "@/db/schema";
import { alias } from "drizzle-orm/pg-core";
import { effectiveCoachTimeZone } from "../coaches/find-coach";

const w = alias(weeklyAvailability, "w");
const a = alias(availabilityAdditions, "a");
const x = alias(blockedSlots, "x");
const t = alias(trainingSessions, "t");
const u = alias(users, "u");
const cs = alias(coachSettings, "cs");
const v = alias(calendarVersions, "v");

export interface CoverageTerms {
  /** text: the coach's id. */
  coachId: SQLWrapper;
  /** date: the range's start as a local date in the coach's zone. */
  localDate: SQLWrapper;
  /** text: the coach's effective IANA zone. */
  zone: SQLWrapper;
  /** timestamptz: the range, half-open [startsAt, endsAt). */
  startsAt: SQLWrapper;
  endsAt: SQLWrapper;
}

/**
 * A boolean SQL expression: true when [startsAt, endsAt) lies wholly inside
 * the coach's availability. First the usual case, one weekly rule holding
 * the whole range, which needs no union; then the union of every rule and
 * addition (a range can straddle two adjoining rules, or a rule and an
 * addition). The first implies the second, so the answer is the union's.
 */
export function coveredByAvailability({ coachId, localDate, zone, startsAt, endsAt }: CoverageTerms): SQL {
  const rules = sql`${weeklyAvailability} ${w}
            CROSS JOIN LATERAL ${wallClockRange({ date: localDate, startTime: w.startTime, endTime: w.endTime, zone })} i
            WHERE ${w.coachId} = ${coachId} AND ${w.dayOfWeek} = extract(dow FROM ${localDate})::int`;
  const range = sql`tstzrange(${startsAt}, ${endsAt}, '[)')`;
  return sql`(EXISTS (SELECT 1 FROM ${rules} AND tstzrange(i.starts_at, i.ends_at, '[)') @> ${range})
        OR coalesce((
          SELECT range_agg(avail.r) FROM (
            SELECT tstzrange(i.starts_at, i.ends_at, '[)') AS r
            FROM ${rules}
            UNION ALL
            SELECT tstzrange(${a.startsAt}, ${a.endsAt}, '[)')
            FROM ${availabilityAdditions} ${a}
            WHERE ${a.coachId} = ${coachId} AND ${a.startsAt} < ${endsAt} AND ${a.endsAt} > ${startsAt}
          ) avail
        ) @> ${range}, false))`;
}

export interface AvailableTimeTerms {
  /** text: the coach's id. */
  coachId: SQL;
  /** text: the coach's effective IANA zone. */
  zone: SQL;
  /** date: the first and last local dates (in the coach's zone, inclusive) whose weekly rules count. */
  fromDate: SQL;
  toDate: SQL;
  /** tstzrange: the additions and blocked slots that overlap it count. */
  span: SQL;
}

/**
 * A tstzmultirange (never NULL): the coach's weekly rules on each local date
 * fromDate..toDate, each turned into instants with wall_clock_to_instant()
 * (DESIGN.md's DST rule), ∪ every availability addition overlapping `span`.
 * Not clipped to `span`: callers intersect.
 */
export function availableTime({ coachId, zone, fromDate, toDate, span }: AvailableTimeTerms): SQL {
  return sql`coalesce((
           SELECT range_agg(avail.r) FROM (
             SELECT tstzrange(i.starts_at, i.ends_at, '[)') AS r
             FROM generate_series((${fromDate})::timestamp, (${toDate})::timestamp, interval '1 day') AS d(day)
             JOIN ${weeklyAvailability} ${w}
               ON ${w.coachId} = ${coachId} AND ${w.dayOfWeek} = extract(dow FROM d.day)::int
             CROSS JOIN LATERAL ${wallClockRange({ date: sql`d.day`, startTime: w.startTime, endTime: w.endTime, zone })} i
             UNION ALL
             SELECT tstzrange(${a.startsAt}, ${a.endsAt}, '[)')
             FROM ${availabilityAdditions} ${a}
             WHERE ${a.coachId} = ${coachId} AND ${a.startsAt} < upper(${span}) AND ${a.endsAt} > lower(${span})
           ) avail), '{}'::tstzmultirange)`;
}

/** A tstzmultirange (never NULL): the coach's blocked slots (time off) overlapping `span`. */
export function blockedTime({ coachId, span }: Pick<AvailableTimeTerms, "coachId" | "span">): SQL {
  return sql`coalesce((
           SELECT range_agg(tstzrange(${x.startsAt}, ${x.endsAt}, '[)'))
           FROM ${blockedSlots} ${x}
           WHERE ${x.coachId} = ${coachId} AND ${x.startsAt} < upper(${span}) AND ${x.endsAt} > lower(${span})
         ), '{}'::tstzmultirange)`;
}

export interface FreeTimeTerms {
  coachId: string;
  /** Local dates in the coach's zone, inclusive. */
  from: string;
  to: string;
  /** The zone of coaches without their own (BUSINESS_TIMEZONE). */
  businessTimeZone: string;
}

/**
 * One statement: the coach's calendar version, effective settings and free
 * time around the local dates from..to, as rows (version, zone, notice,
 * default_duration, starts_at, ends_at) — one row per disjoint free range,
 * or a single row with NULL range when there is none, and no row when the
 * id is not a coach's. The version is read in the same snapshot as the
 * free time, so the two always match (free-time-cache.ts).
 *
 *   free = (weekly rules on each local date ∪ additions) − blocked slots
 *          − non-cancelled sessions, within [from 00:00, to + 2 days 00:00)
 *
 * The extra day lets a slot that starts late on `to` run past midnight into
 * free time of the next day; callers keep only slot starts on from..to.
 */
export function freeTimeQuery(terms: FreeTimeTerms): SQL {
  const coach = { coachId: sql`b.id`, span: sql`b.span` };
  return sql`
    WITH coach AS (
      SELECT ${u.id},
             coalesce(${v.version}, 0) AS version,
             ${effectiveCoachTimeZone(cs.timezone, terms.businessTimeZone)} AS zone,
             coalesce(${cs.minimumNoticeMinutes}, 120) AS notice,
             coalesce(${cs.defaultDuration}, 60) AS default_duration
      FROM ${users} ${u}
      LEFT JOIN ${coachSettings} ${cs} ON ${cs.coachId} = ${u.id}
      LEFT JOIN ${calendarVersions} ${v} ON ${v.coachId} = ${u.id}
      WHERE ${u.id} = ${terms.coachId} AND ${u.role} = 'coach'
    ),
    -- MATERIALIZED: span is computed once and the subqueries below read it
    -- as a value; inlined, each of them repeats wall_clock_to_instant()'s
    -- expansion and planning alone took ~1.3 ms of a ~2 ms statement.
    bounds AS MATERIALIZED (
      SELECT c.*,
             tstzrange(wall_clock_to_instant(${terms.from}::date::timestamp, c.zone),
                       wall_clock_to_instant((${terms.to}::date + 2)::timestamp, c.zone), '[)') AS span
      FROM coach c
    ),
    free AS (
      SELECT b.version, b.zone, b.notice, b.default_duration,
        (${availableTime({ ...coach, zone: sql`b.zone`, fromDate: sql`${terms.from}::date`, toDate: sql`${terms.to}::date + 1` })}
         - ${blockedTime(coach)}
         - coalesce((
           SELECT range_agg(${sessionRange(t)})
           FROM ${trainingSessions} ${t}
           WHERE ${sessionOf(t, "coachId", sql`b.id`)} AND ${sessionRange(t)} && b.span AND ${onLiveCalendar(t)}
           ), '{}'::tstzmultirange)
        ) * tstzmultirange(b.span) AS ranges
      FROM bounds b
    )
    SELECT f.version::text AS version, f.zone, f.notice, f.default_duration,
           lower(u.r) AS starts_at, upper(u.r) AS ends_at
    FROM free f
    LEFT JOIN LATERAL unnest(f.ranges) AS u(r) ON true
    ORDER BY starts_at`;
}

/**
 * The coach's calendar version (as text; '0' before any change), and no row
 * when the id is not a coach's: what a cached free time is checked against.
 */
export const calendarVersionQuery = sql`
  SELECT coalesce(${v.version}, 0)::text AS version
  FROM ${users} ${u} LEFT JOIN ${calendarVersions} ${v} ON ${v.coachId} = ${u.id}
  WHERE ${u.id} = ${sql.placeholder("coachId")} AND ${u.role} = 'coach'`;
