// Owner: the business's figures for this week and last week, overall and per
// coach — sessions held (completed), cancelled, no-shows, still scheduled,
// and utilisation of availability — and each week's classes with their fill
// and attendance. Weeks run Monday to Sunday in the business's zone
// (BUSINESS_TIMEZONE); a session or class belongs to the week it starts in.
//
//   utilisation = booked minutes (held + scheduled sessions, classes included
//                 when at least one place is held)
//               ÷ available minutes (weekly rules ∪ additions − time off, within the week)
//
//   per class (not cancelled):  fill rate = places held ÷ capacity
//                               attendance rate = attended ÷ (attended + no-show)
//
// One SQL statement gives every (week, coach) cell, availability measured
// with the same multirange definition as free slots (availability-sql.ts);
// another gives the weeks' classes; the sums and ratios are taken here.
import { sql } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { classEnrolments, coachSettings, trainingSessions, users } from "@/db/schema";
import { alias } from "drizzle-orm/pg-core";
import { effectiveCoachTimeZone } from "../coaches/find-coach";
import { instantToWallClock, wallClockToInstant } from "@/domain/time";
import { availableTime, blockedTime } from "../availability/availability-sql";
import { businessTimeZone } from "../config";
import * as viewFields from "../view-fields";

/** The counts and minutes shared by a week and each coach in it. */
const figuresShape = {
  held: viewFields.count.describe("Sessions completed (one-to-one sessions and classes)."),
  cancelled: viewFields.count,
  noShows: viewFields.count,
  scheduled: viewFields.count.describe("Sessions still scheduled (upcoming, or past and not yet marked completed)."),
  bookedMinutes: z
    .number()
    .describe("Minutes of held and scheduled sessions; a class counts when at least one of its places is held (an empty class is no booked time)."),
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

const rate = (what: string) => z.number().min(0).nullable().describe(what);

/** What a class's places came to: the ones held, and who came. */
const placesShape = {
  capacity: viewFields.count,
  held: viewFields.count.describe("Places held: confirmed, attended and no-show enrolments."),
  attended: viewFields.count,
  noShow: viewFields.count,
  fillRate: rate("held ÷ capacity; above 1 only for a v1 class booked over its capacity; null when the capacity is 0."),
  attendanceRate: rate("attended ÷ (attended + noShow); null until attendance is marked."),
};

export const classFiguresSchema = z
  .strictObject({
    id: viewFields.recordId,
    title: z.string(),
    startsAt: viewFields.instant,
    coach: viewFields.coachRef,
    ...placesShape,
  })
  .describe("One class of the week (not a cancelled one): its places and who came.");

export type ClassFigures = z.infer<typeof classFiguresSchema>;

export const classTotalsSchema = z
  .strictObject({
    classes: viewFields.count.describe("Classes of the week, cancelled ones aside."),
    ...placesShape,
    fillRate: rate("All places held ÷ all capacity; null when there is no class."),
    attendanceRate: rate("All attended ÷ (all attended + all no-shows); null until attendance is marked."),
  })
  .describe("The week's classes together.");

export type ClassTotals = z.infer<typeof classTotalsSchema>;

export const weekFiguresSchema = z.strictObject({
  monday: viewFields.calendarDate.describe("The week's Monday, a calendar date in the business zone."),
  sunday: viewFields.calendarDate.describe("The week's Sunday, a calendar date in the business zone."),
  startsAt: viewFields.instant,
  endsAt: viewFields.instant.describe("Exclusive: the next Monday's midnight in the business zone."),
  ...figuresShape,
  coaches: z.array(coachFiguresSchema).describe("Every coach, and anyone who ran a session in either week, by name."),
  classes: z.array(classFiguresSchema).describe("The week's classes by start, cancelled ones aside."),
  classTotals: classTotalsSchema,
});

export type WeekFigures = z.infer<typeof weekFiguresSchema>;

export const weeklyFiguresSchema = z.strictObject({
  timeZone: viewFields.timeZoneName.describe("The business zone the weeks are cut in."),
  thisWeek: weekFiguresSchema,
  lastWeek: weekFiguresSchema,
});

export type WeeklyFigures = z.infer<typeof weeklyFiguresSchema>;

interface ClassRow {
  week: number;
  id: string;
  title: string | null;
  starts_at: string | Date;
  coach_id: string;
  coach_name: string;
  coach_zone: string;
  capacity: number;
  held: number;
  attended: number;
  no_show: number;
}

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
  const classRows = await selectRows<ClassRow>(options.db, weeklyClassesQuery(boundaries, zone));
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
    const classes = classRows.filter((row) => Number(row.week) === week).map(toClassFigures);
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
      classes,
      classTotals: classTotals(classes),
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

function toClassFigures(row: ClassRow): ClassFigures {
  const capacity = Number(row.capacity);
  const held = Number(row.held);
  const attended = Number(row.attended);
  const noShow = Number(row.no_show);
  return {
    id: row.id,
    title: row.title ?? "",
    startsAt: new Date(row.starts_at).toISOString(),
    coach: { id: row.coach_id, name: row.coach_name, timezone: row.coach_zone },
    capacity,
    held,
    attended,
    noShow,
    fillRate: capacity > 0 ? held / capacity : null,
    attendanceRate: attended + noShow > 0 ? attended / (attended + noShow) : null,
  };
}

function classTotals(classes: ClassFigures[]): ClassTotals {
  const sum = (key: "capacity" | "held" | "attended" | "noShow") => classes.reduce((total, one) => total + one[key], 0);
  const [capacity, held, attended, noShow] = [sum("capacity"), sum("held"), sum("attended"), sum("noShow")];
  return {
    classes: classes.length,
    capacity,
    held,
    attended,
    noShow,
    fillRate: capacity > 0 ? held / capacity : null,
    attendanceRate: attended + noShow > 0 ? attended / (attended + noShow) : null,
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
             -- Booked time of the coach: held and scheduled sessions. A class
             -- is booked time once at least one place is held in it (places_taken
             -- counts confirmed, attended and no-show places); an empty class
             -- is time the coach kept, not time anyone booked.
             coalesce(sum(extract(epoch FROM ${t.endsAt} - ${t.startsAt}))
                        FILTER (WHERE ${t.status} IN ('completed', 'scheduled')
                                  AND (${t.type} <> 'GROUP' OR ${t.placesTaken} > 0)), 0)::float8 / 60 AS booked_minutes
      FROM ${trainingSessions} ${t}
      -- Bounds, not "<@ span": the (coach_id, starts_at) index serves them.
      WHERE ${t.coachId} = c.id AND ${t.startsAt} >= lower(c.span) AND ${t.startsAt} < upper(c.span)
    ) s
    ORDER BY c.week, c.name, c.id`;
}

const k = alias(trainingSessions, "k");
const kc = alias(users, "kc");
const kcs = alias(coachSettings, "kcs");
const ke = alias(classEnrolments, "ke");

/** One row per class (not cancelled) starting in last week (0) or this week (1), with its places held and attendance. */
function weeklyClassesQuery(boundaries: Date[], zone: string) {
  const [lastMonday, thisMonday, nextMonday] = boundaries.map((instant) => instant.toISOString());
  return sql`
    SELECT CASE WHEN ${k.startsAt} < ${thisMonday}::timestamptz THEN 0 ELSE 1 END AS week,
           ${k.id} AS id, ${k.title} AS title, ${k.startsAt} AS starts_at,
           ${k.coachId} AS coach_id, ${kc.name} AS coach_name, ${effectiveCoachTimeZone(kcs.timezone, zone)} AS coach_zone,
           ${k.capacity} AS capacity, ${k.placesTaken} AS held, marks.attended, marks.no_show
    FROM ${trainingSessions} ${k}
    JOIN ${users} ${kc} ON ${kc.id} = ${k.coachId}
    LEFT JOIN ${coachSettings} ${kcs} ON ${kcs.coachId} = ${k.coachId}
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE ${ke.status} = 'attended')::int AS attended,
             count(*) FILTER (WHERE ${ke.status} = 'no_show')::int AS no_show
      FROM ${classEnrolments} ${ke} WHERE ${ke.classId} = ${k.id}) marks
    WHERE ${k.type} = 'GROUP' AND ${k.status} <> 'cancelled'
      AND ${k.startsAt} >= ${lastMonday}::timestamptz AND ${k.startsAt} < ${nextMonday}::timestamptz
    ORDER BY ${k.startsAt}, ${k.id}`;
}
