// Wall-clock ↔ instant conversion, the one place where DESIGN.md's time rule
// lives in TypeScript: a wall-clock time inside a spring-forward gap moves
// forward by the gap, and one that occurs twice (fall-back) takes the earlier
// instant — Temporal's "compatible" disambiguation. Never uses the server's
// own time zone.
import { Temporal } from "temporal-polyfill";

/** True when `zone` is an IANA time zone this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    Temporal.Now.zonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
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

/** The wall-clock date and HH:MM shown in `timeZone` at `instant`. */
export function instantToWallClock(instant: Date, timeZone: string): { date: string; time: string } {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
  return {
    date: zoned.toPlainDate().toString(),
    time: zoned.toPlainTime().toString({ smallestUnit: "minute" }),
  };
}
