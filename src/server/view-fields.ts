// The fields the use cases' answers (their views) are made of, as zod
// schemas: each view is a zod schema beside its use case, its TypeScript
// type inferred from it, and the API reference's response shapes generated
// from those schemas (api-reference/components.ts). The descriptions here
// are the reference's.
import { z } from "zod";
import { conflictReasons } from "@/domain/conflict-reason";

export const recordId = z.string().describe("A record id (text; UUIDs for new rows).");
export const instant = z.string().meta({ format: "date-time", description: "An instant, ISO 8601 in UTC (e.g. 2030-03-05T09:00:00.000Z)." });
export const timeZoneName = z.string().describe("IANA time zone, e.g. Europe/Paris.");
export const wallClockTime = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/)
  .describe("Wall-clock HH:MM in the coach's zone.");
export const calendarDate = z.string().meta({ format: "date", description: "A calendar date YYYY-MM-DD." });
export const dayOfWeek = z.number().int().min(0).max(6).describe("0 = Sunday … 6 = Saturday.");
export const count = z.number().int().min(0);
export const email = z.string().meta({ format: "email" });

/** A coach as a session, series or conflict names them, with the zone of their wall-clock times. */
export const coachRef = z
  .strictObject({ id: recordId, name: z.string(), timezone: timeZoneName })
  .describe("A coach and the zone of their wall-clock times.");
export const memberRef = z.strictObject({ id: recordId, name: z.string() });

export const conflictReasonSchema = z
  .enum(conflictReasons)
  .describe("Why an occurrence does not fit: outside the coach's availability, inside a blocked slot, the coach or the member already has a session then.");
