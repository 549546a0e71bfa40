// Owner: the business's figures for this week and last week, overall and per
// coach — sessions held (completed), cancelled, no-shows, still scheduled,
// and utilisation of availability. Weeks run Monday to Sunday in the
// business's zone (BUSINESS_TIMEZONE); a session belongs to the week it
// starts in.
//
//   utilisation = booked minutes (held + scheduled sessions)
//               ÷ available minutes (weekly rules ∪ additions − time off, within the week)
//
// One SQL statement gives every (week, coach) cell, availability measured
// with the same multirange definition as free slots (availability-sql.ts);
// the sums and ratios are taken here.
import { sql } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { coachSettings, trainingSessions, users } from "@/db/schema";
import { alias } from "drizzle-orm/pg-core";
import { effectiveCoachTimeZone } from "../coaches/find-coach";
import { instantToWallClock, wallClockToInstant } from "@/domain/time";
import { availableTime, blockedTime } from "../availability/availability-sql";
import { businessTimeZone } from "../config";
import * as viewFields from "../view-fields";

/** The counts and minutes shared by a week and each coach in it. */
const figuresShape = {
  held: viewFields.count.describe("Sessions completed."),
  cancelled: viewFields.count,
  noShows: viewFields.count,
  scheduled: viewFields.count.describe("Sessions still scheduled (upcoming, or past and not yet marked completed)."),
  bookedMinutes: z.number().describe("Minutes of held and scheduled sessions."),
  availableMinutes: z.number().describe("Minutes of availability: weekly rules ∪ additions − blocked slots."),
  utilisation: z.number().nullable().describe("bookedMinutes ÷ availableMinutes; null when nothing was available."),
};

export type Figures = z.infer<z.ZodObject<typeof figuresShape>>;

export const coachFiguresSchema = z.strictObject({
  coachId: viewFields.recordId,
  name: z.string(),
  timezone: viewFields.timeZoneName.describe("The coach's effective zone (their own, else the business's)."),
  ...figuresShape,
});

export type CoachFigures = z.infer<typeof coachFiguresSchema>;

export const weekFiguresSchema = z.strictObject({
  monday: viewFields.calendarDate.describe("The week's Monday, a calendar date in the business zone."),
  sunday: viewFields.calendarDate.describe("The week's Sunday, a calendar date in the business zone."),
  startsAt: viewFields.instant,
  endsAt: viewFields.instant.describe("Exclusive: the next Monday's midnight in the business zone."),
  ...figuresShape,
  coaches: z.array(coachFiguresSchema).describe("Every coach, and anyone who ran a session in either week, by name."),
});

export type WeekFigures = z.infer<typeof weekFiguresSchema>;

export const weeklyFiguresSchema = z.strictObject({
  timeZone: viewFields.timeZoneName.describe("The business zone the weeks are cut in."),
  thisWeek: weekFiguresSchema,
  lastWeek: weekFiguresSchema,
});

export type WeeklyFigures = z.infer<typeof weeklyFiguresSchema>;

interface CellRow {
  week: number;
  coach_id: string;
  name: string;
  zone: string;
  held: number;
  cancelled: number;
  no_shows: number;
  scheduled: number;
  booked_minutes: number | string;
  available_minutes: number | string;
}

export async function weeklyFigures(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  /** For tests; default now. */
  now?: Date;
}): Promise<WeeklyFigures> {
  assertCan(options.actor, "reports:read");
  const zone = businessTimeZone();
  const today = Temporal.PlainDate.from(instantToWallClock(options.now ?? new Date(), zone).date);
  const thisMonday = today.subtract({ days: today.dayOfWeek - 1 }); // dayOfWeek: 1 = Monday
  // Midnight of each Monday in the business zone (DESIGN.md's DST rule):
  // last week is [0, 1), this week [1, 2).
  const mondays = [-7, 0, 7].map((days) => thisMonday.add({ days }).toString());
  const boundaries = mondays.map((monday) => wallClockToInstant(monday, "00:00", zone));

  const rows = await selectRows<CellRow>(options.db, weeklyCellsQuery(boundaries, zone));
  const [lastWeek, thisWeek] = [0, 1].map((week): WeekFigures => {
    const coaches = rows
      .filter((row) => Number(row.week) === week)
      .map(
        (row): CoachFigures => ({
          coachId: row.coach_id,
          name: row.name,
          timezone: row.zone,
          ...withUtilisation({
            held: Number(row.held),
            cancelled: Number(row.cancelled),
            noShows: Number(row.no_shows),
            scheduled: Number(row.scheduled),
            bookedMinutes: Number(row.booked_minutes),
            availableMinutes: Number(row.available_minutes),
          }),
        }),
      );
    const total = (key: Exclude<keyof Figures, "utilisation">) => coaches.reduce((sum, coach) => sum + coach[key], 0);
    return {
      monday: mondays[week]!,
      sunday: Temporal.PlainDate.from(mondays[week]!).add({ days: 6 }).toString(),
      startsAt: boundaries[week]!.toISOString(),
      endsAt: boundaries[week + 1]!.toISOString(),
      ...withUtilisation({
        held: total("held"),
        cancelled: total("cancelled"),
        noShows: total("noShows"),
        scheduled: total("scheduled"),
        bookedMinutes: total("bookedMinutes"),
        availableMinutes: total("availableMinutes"),
      }),
      coaches,
    };
  });
  return { timeZone: zone, thisWeek: thisWeek!, lastWeek: lastWeek! };
}

function withUtilisation(figures: Omit<Figures, "utilisation">): Figures {
  return {
    ...figures,
    utilisation: figures.availableMinutes > 0 ? figures.bookedMinutes / figures.availableMinutes : null,
  };
}

const u = alias(users, "u");
const cs = alias(coachSettings, "cs");
const t = alias(trainingSessions, "t");

/**
 * One row per (week, coach): week 0 is last week, 1 this week. A coach's
 * availability is cut from the local dates (in their own zone) that overlap
 * the week — the day before the first one too, in case a zone's offset moves
 * a whole local day — then clipped to the week.
 */
function weeklyCellsQuery(boundaries: Date[], zone: string) {
  const [lastMonday, thisMonday, nextMonday] = boundaries.map((instant) => instant.toISOString());
  const cell = { coachId: sql`p.id`, span: sql`wk.span` };
  return sql`
    WITH weeks AS (
      SELECT 0 AS week, tstzrange(${lastMonday}::timestamptz, ${thisMonday}::timestamptz, '[)') AS span
      UNION ALL
      SELECT 1, tstzrange(${thisMonday}::timestamptz, ${nextMonday}::timestamptz, '[)')
    ),
    people AS (
      SELECT ${u.id}, ${u.name}, ${effectiveCoachTimeZone(cs.timezone, zone)} AS zone
      FROM ${users} ${u}
      LEFT JOIN ${coachSettings} ${cs} ON ${cs.coachId} = ${u.id}
      WHERE ${u.role} = 'coach'
         OR ${u.id} IN (SELECT ${t.coachId} FROM ${trainingSessions} ${t}
                     WHERE ${t.startsAt} >= ${lastMonday}::timestamptz AND ${t.startsAt} < ${nextMonday}::timestamptz)
    ),
    cells AS (
      SELECT wk.week, wk.span, p.id, p.name, p.zone,
             (${availableTime({
               ...cell,
               zone: sql`p.zone`,
               fromDate: sql`(lower(wk.span) AT TIME ZONE p.zone)::date - 1`,
               toDate: sql`(upper(wk.span) AT TIME ZONE p.zone)::date`,
             })} - ${blockedTime(cell)}) * tstzmultirange(wk.span) AS available
      FROM weeks wk CROSS JOIN people p
    )
    SELECT c.week, c.id AS coach_id, c.name, c.zone,
           coalesce((SELECT sum(extract(epoch FROM upper(r) - lower(r))) FROM unnest(c.available) AS r), 0)::float8 / 60
             AS available_minutes,
           s.held, s.cancelled, s.no_shows, s.scheduled, s.booked_minutes
    FROM cells c
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE ${t.status} = 'completed')::int AS held,
             count(*) FILTER (WHERE ${t.status} = 'cancelled')::int AS cancelled,
             count(*) FILTER (WHERE ${t.status} = 'no_show')::int AS no_shows,
             count(*) FILTER (WHERE ${t.status} = 'scheduled')::int AS scheduled,
             coalesce(sum(extract(epoch FROM ${t.endsAt} - ${t.startsAt}))
                        FILTER (WHERE ${t.status} IN ('completed', 'scheduled')), 0)::float8 / 60 AS booked_minutes
      FROM ${trainingSessions} ${t}
      -- Bounds, not "<@ span": the (coach_id, starts_at) index serves them.
      WHERE ${t.coachId} = c.id AND ${t.startsAt} >= lower(c.span) AND ${t.startsAt} < upper(c.span)
    ) s
    ORDER BY c.week, c.name, c.id`;
}
