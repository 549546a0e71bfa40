// The series the actor may see — a member their own, a coach those booked
// with them, the owner all — each with its next 10 upcoming sessions.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan, bookingScope } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { recurringBookings } from "@/db/schema";
import { parseInput } from "../validation";
import { selectRecurringBookingViews, type RecurringBookingView } from "./recurring-booking-view";

export const listRecurringBookingsInput = z.strictObject({
  status: z.enum(["active", "cancelled", "all"]).default("active"),
});

export type ListRecurringBookingsInput = z.input<typeof listRecurringBookingsInput>;

export async function listRecurringBookings(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input?: ListRecurringBookingsInput;
  now?: Date;
}): Promise<RecurringBookingView[]> {
  const { actor } = options;
  assertCan(actor, "sessions:read");
  const input = parseInput(listRecurringBookingsInput, options.input ?? {});
  const scope = bookingScope(actor);
  return selectRecurringBookingViews(
    options.db,
    and(
      scope.memberId ? eq(recurringBookings.memberId, scope.memberId) : undefined,
      scope.coachId ? eq(recurringBookings.coachId, scope.coachId) : undefined,
      input.status === "all" ? undefined : eq(recurringBookings.status, input.status),
    ),
    { now: options.now ?? new Date(), nextCount: 10 },
  );
}
