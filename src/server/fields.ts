// zod field schemas shared by every use case's input: wall-clock times,
// calendar dates, instants and ids, each with a reason a person can act on.
import { z } from "zod";
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from "@/domain/limits";
import { epochDayOf, isValidTimeZone } from "@/domain/time";

/**
 * The years any date or instant of a request may fall in. Nothing a coaching
 * business books lies outside them, and a bound keeps year 0000 or 9999 from
 * reaching date arithmetic and PostgreSQL (which answered 500 for them).
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;
const YEARS_MESSAGE = `Must be in the years ${MIN_YEAR} to ${MAX_YEAR}`;

/** True for a "YYYY-MM-DD…" string or an instant whose (UTC) year is within MIN_YEAR..MAX_YEAR. */
export function isWithinSupportedYears(value: string | Date): boolean {
  const year = typeof value === "string" ? Number(value.slice(0, 4)) : value.getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** A person's name as typed: trimmed, not empty, at most MAX_NAME_LENGTH characters. */
export const personName = z
  .string()
  .trim()
  .min(1, "Must not be empty")
  .max(MAX_NAME_LENGTH, `At most ${MAX_NAME_LENGTH} characters`);

/** Free text (a reason, a note): trimmed, at most MAX_TEXT_LENGTH characters. */
export const freeText = z.string().trim().max(MAX_TEXT_LENGTH, `At most ${MAX_TEXT_LENGTH} characters`);

/** "HH:MM", 00:00–23:59 (24:00, 10:60 and 9:00 are refused). */
export const wallClockTime = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "Must be a time HH:MM from 00:00 to 23:59");

/** "YYYY-MM-DD" that exists on the calendar (2027-02-30 is refused). */
export const calendarDate = z
  .string()
  .refine((value) => epochDayOf(value) !== undefined, { message: "Must be a real date YYYY-MM-DD", abort: true })
  .refine(isWithinSupportedYears, { message: YEARS_MESSAGE });

const INSTANT_MESSAGE = "Must be an ISO 8601 date-time with an offset, e.g. 2027-03-01T10:00:00Z";

/**
 * An ISO 8601 instant with its offset ("2027-03-01T10:00:00Z" or "…+01:00"),
 * as a Date. A Date is accepted too: a route parses its body once and the use
 * case parses its input again, so the parsed value must pass the same schema.
 */
export const instant = z
  .union([z.date(), z.string()], { error: INSTANT_MESSAGE })
  .transform((value) => (typeof value === "string" ? value : value.toISOString()))
  .pipe(z.iso.datetime({ offset: true, message: INSTANT_MESSAGE }).transform((value) => new Date(value)))
  .refine(isWithinSupportedYears, { message: YEARS_MESSAGE });

/** A record id (text; UUIDs for new rows, v1 ids kept as they were). */
export const recordId = z.string().trim().min(1, "Required").max(200, "Too long");

/** An IANA time zone name ("Europe/Paris"); the longest real one is about 30 characters. */
export const timeZoneName = z
  .string()
  .max(64, "At most 64 characters")
  .refine(isValidTimeZone, { message: "Not a known IANA time zone (e.g. Europe/Paris)" });

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export const dayOfWeek = z.number().int("Must be a whole number").min(0, "Must be 0 (Sunday) to 6 (Saturday)").max(6, "Must be 0 (Sunday) to 6 (Saturday)");
