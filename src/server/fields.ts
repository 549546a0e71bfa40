// zod field schemas shared by every use case's input: wall-clock times,
// calendar dates, instants and ids, each with a reason a person can act on.
import { z } from "zod";
import { epochDayOf } from "@/domain/time";

/** "HH:MM", 00:00–23:59 (24:00, 10:60 and 9:00 are refused). */
export const wallClockTime = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "Must be a time HH:MM from 00:00 to 23:59");

/** "YYYY-MM-DD" that exists on the calendar (2027-02-30 is refused). */
export const calendarDate = z
  .string()
  .refine((value) => epochDayOf(value) !== undefined, { message: "Must be a real date YYYY-MM-DD" });

const INSTANT_MESSAGE = "Must be an ISO 8601 date-time with an offset, e.g. 2027-03-01T10:00:00Z";

/**
 * An ISO 8601 instant with its offset ("2027-03-01T10:00:00Z" or "…+01:00"),
 * as a Date. A Date is accepted too: a route parses its body once and the use
 * case parses its input again, so the parsed value must pass the same schema.
 */
export const instant = z
  .union([z.date(), z.string()], { error: INSTANT_MESSAGE })
  .transform((value) => (typeof value === "string" ? value : value.toISOString()))
  .pipe(z.iso.datetime({ offset: true, message: INSTANT_MESSAGE }).transform((value) => new Date(value)));

/** A record id (text; UUIDs for new rows, v1 ids kept as they were). */
export const recordId = z.string().trim().min(1, "Required").max(200, "Too long");

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export const dayOfWeek = z.number().int("Must be a whole number").min(0, "Must be 0 (Sunday) to 6 (Saturday)").max(6, "Must be 0 (Sunday) to 6 (Saturday)");
