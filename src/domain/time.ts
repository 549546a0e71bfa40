// Wall-clock ↔ instant conversion, the one place where DESIGN.md's time rule
// lives in TypeScript: a wall-clock time inside a spring-forward gap moves
// forward by the gap, and one that occurs twice (fall-back) takes the earlier
// instant — Temporal's "compatible" disambiguation. Never uses the server's
// own time zone.
// See docs/decisions/0008-wall-clock-time-rule.md.
import { Temporal } from "temporal-polyfill";

/** Zones found valid so far: a few hundred names at most (unknown ones are not kept). */
const knownZones = new Set<string>();

/** True when `zone` is an IANA time zone this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  try {
    Temporal.Now.zonedDateTimeISO(zone);
  } catch {
    return false;
  }
  knownZones.add(zone);
  return true;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` (YYYY-MM-DD)
 * at `time` (HH:MM).
 */
export function wallClockToInstant(date: string, time: string, timeZone: string): Date {
  const plain = Temporal.PlainDateTime.from(`${date}T${time}`);
  const zoned = plain.toZonedDateTime(timeZone, { disambiguation: "compatible" });
  return new Date(zoned.epochMilliseconds);
}

/**
 * The end instant of the wall-clock range startTime–endTime on `date`: the
 * end's own instant, unless a spring-forward gap pushed the start to or past
 * it ("02:30–03:00" on a night where 02:00 jumps to 03:00: the start becomes
 * 03:30); then the range keeps its wall-clock length from the shifted start.
 * The SQL twin is wall_clock_end() (drizzle/0002_booking_engine.sql).
 */
export function wallClockEnd(date: string, startTime: string, endTime: string, timeZone: string): Date {
  const start = wallClockToInstant(date, startTime, timeZone);
  const end = wallClockToInstant(date, endTime, timeZone);
  if (end > start) return end;
  return new Date(start.getTime() + (minutesOf(endTime) - minutesOf(startTime)) * 60_000);
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return hours! * 60 + minutes!;
}

/** The wall-clock date and HH:MM shown in `timeZone` at `instant`. */
export function instantToWallClock(instant: Date, timeZone: string): { date: string; time: string } {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
  return {
    date: zoned.toPlainDate().toString(),
    time: zoned.toPlainTime().toString({ smallestUnit: "minute" }),
  };
}

/**
 * The day number of a calendar date "YYYY-MM-DD" (days since 1970-01-01), or
 * undefined when it is not one (wrong shape, month 13, 2027-02-30). Plain
 * arithmetic (the proleptic Gregorian calendar, as Temporal's ISO calendar):
 * request validation runs it several times per request, and the polyfill's
 * PlainDate.from() was a measurable cost there (docs/performance.md).
 */
export function epochDayOf(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // Days from civil (H. Hinnant): years counted from March, so the leap day ends one.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const DAY_MS = 86_400_000;

/**
 * A formatter equal to `new Date(epochMs).toISOString()` that builds one Date
 * per UTC day instead of one per instant: for answers with thousands of
 * instants (free slots). Keeps its last day, so make one per answer.
 */
export function isoInstantFormatter(): (epochMs: number) => string {
  let day = Number.NaN;
  let prefix = "";
  return (epochMs) => {
    // Not a whole millisecond: Date's own (it truncates).
    if (!Number.isInteger(epochMs)) return new Date(epochMs).toISOString();
    const today = Math.floor(epochMs / DAY_MS);
    if (today !== day) {
      const midnight = new Date(today * DAY_MS).toISOString();
      // Outside years 0000–9999 (±YYYYYY): Date's own.
      if (midnight.length !== 24) return new Date(epochMs).toISOString();
      day = today;
      prefix = midnight.slice(0, 11);
    }
    const ms = epochMs - today * DAY_MS;
    const hours = Math.floor(ms / 3_600_000);
    const minutes = Math.floor(ms / 60_000) % 60;
    const seconds = Math.floor(ms / 1000) % 60;
    return `${prefix}${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(ms % 1000, 3)}Z`;
  };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}
