// How the API shows an availability addition or a blocked slot: instants as
// ISO UTC strings, half-open [startsAt, endsAt).
import { availabilityAdditions, blockedSlots } from "@/db/schema";

export interface TimeWindowView {
  id: string;
  coachId: string;
  startsAt: string;
  endsAt: string;
  reason: string | null;
  createdAt: string;
}

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
