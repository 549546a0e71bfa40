// One occurrence of a weekly series as a preview, a skip or a refusal shows
// it: its local date, its instants, and why it cannot be booked (null when
// it fits).
import { z } from "zod";
import { calendarDate, conflictReasonSchema, instant } from "../view-fields";

export const occurrenceSchema = z
  .strictObject({
    date: calendarDate.describe("The occurrence's local date in the coach's zone."),
    startsAt: instant,
    endsAt: instant,
    reason: conflictReasonSchema.nullable().describe("Why it cannot be booked; null when it fits."),
  })
  .describe("One occurrence of a series.");

export type OccurrenceOutcome = z.infer<typeof occurrenceSchema>;
