// How the API shows an availability addition or a blocked slot: instants as
// ISO UTC strings, half-open [startsAt, endsAt).
import { z } from "zod";
import { availabilityAdditions, blockedSlots } from "@/db/schema";
import { instant, recordId } from "../view-fields";

export const timeWindowViewSchema = z
  .strictObject({
    id: recordId,
    coachId: recordId,
    startsAt: instant,
    endsAt: instant,
    reason: z.string().nullable(),
    createdAt: instant,
  })
  .describe("An availability addition or a blocked slot: the half-open window [startsAt, endsAt).");

export type TimeWindowView = z.infer<typeof timeWindowViewSchema>;

export type AvailabilityAdditionView = TimeWindowView;
export type BlockedSlotView = TimeWindowView;

type WindowRow = typeof availabilityAdditions.$inferSelect | typeof blockedSlots.$inferSelect;

export function toTimeWindowView(row: WindowRow): TimeWindowView {
  return {
    id: row.id,
    coachId: row.coachId,
    startsAt: new Date(row.startsAt).toISOString(),
    endsAt: new Date(row.endsAt).toISOString(),
    reason: row.reason,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
