// Weekly series → dated occurrences, in pure TypeScript. A series is
// "every `frequency` weeks on `dayOfWeek`, startTime–endTime wall-clock in the
// coach's zone, from startDate (inclusive) to endDate (inclusive, or open)".
// The first occurrence is the first dayOfWeek on or after startDate, and
// every later one is a whole number of `frequency` weeks after it — so a
// fortnightly series keeps its parity from its own start, never from today.
//
// The generator does the same in SQL (src/server/sessions/occurrences-sql.ts);
// property tests hold the two equal.
import { Temporal } from "temporal-polyfill";
import { wallClockEnd, wallClockToInstant } from "./time";

export interface WeeklySeries {
  /** 0 = Sunday … 6 = Saturday. */
  dayOfWeek: number;
  /** "HH:MM" wall-clock in the coach's zone. */
  startTime: string;
  endTime: string;
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD, inclusive; null = no end. */
  endDate: string | null;
  /** Every N weeks (1–4). */
  frequency: number;
}

export interface Occurrence {
  /** The local date (YYYY-MM-DD) in the coach's zone. */
  date: string;
  startsAt: Date;
  endsAt: Date;
}

/** Temporal's dayOfWeek is 1 = Monday … 7 = Sunday; ours is 0 = Sunday … 6. */
export function dayOfWeekOf(date: string): number {
  return Temporal.PlainDate.from(date).dayOfWeek % 7;
}

/** The first `dayOfWeek` on or after `startDate`. */
export function firstOccurrenceDate(startDate: string, dayOfWeek: number): string {
  const start = Temporal.PlainDate.from(startDate);
  const ahead = (dayOfWeek - (start.dayOfWeek % 7) + 7) % 7;
  return start.add({ days: ahead }).toString();
}

/** The series' local dates within [fromDate, toDate] (both inclusive). */
export function occurrenceDates(series: WeeklySeries, fromDate: string, toDate: string): string[] {
  const first = Temporal.PlainDate.from(firstOccurrenceDate(series.startDate, series.dayOfWeek));
  const stepDays = 7 * series.frequency;
  let last = Temporal.PlainDate.from(toDate);
  if (series.endDate && Temporal.PlainDate.compare(Temporal.PlainDate.from(series.endDate), last) < 0) {
    last = Temporal.PlainDate.from(series.endDate);
  }
  const from = Temporal.PlainDate.from(fromDate);
  const daysFromFirst = first.until(from, { largestUnit: "days" }).days;
  const skipSteps = Math.max(0, Math.ceil(daysFromFirst / stepDays));
  const dates: string[] = [];
  for (let date = first.add({ days: skipSteps * stepDays }); Temporal.PlainDate.compare(date, last) <= 0; date = date.add({ days: stepDays })) {
    dates.push(date.toString());
  }
  return dates;
}

/**
 * The occurrences that start inside (after, until): the generator's window is
 * "after now, before now + N weeks". Local times become instants with the
 * time rule of ./time (gap → forward, repeated → earlier; a start pushed past
 * its end keeps the wall-clock length).
 */
export function occurrencesBetween(
  series: WeeklySeries,
  timeZone: string,
  window: { after: Date; until: Date },
): Occurrence[] {
  // A day of margin on both sides covers every UTC offset; the instant test decides.
  const fromDate = localDate(new Date(window.after.getTime() - 86_400_000), "UTC");
  const toDate = localDate(new Date(window.until.getTime() + 86_400_000), "UTC");
  return occurrenceDates(series, fromDate, toDate)
    .map((date) => ({
      date,
      startsAt: wallClockToInstant(date, series.startTime, timeZone),
      endsAt: wallClockEnd(date, series.startTime, series.endTime, timeZone),
    }))
    .filter((occurrence) => occurrence.startsAt > window.after && occurrence.startsAt < window.until);
}

function localDate(instant: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}
