// Cancel a whole series. futureOnly: true cancels the occurrences that start
// after now and ends the series; false also cancels its past occurrences
// that are still "scheduled". Completed and no-show history is never
// touched; open conflicts of the series are closed. Takes the generator's
// lock, so a generation batch running meanwhile cannot give the cancelled
// series new sessions.
import { and, eq, gt } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan, isInBookingScope } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { recurringBookings, sessionConflicts, trainingSessions } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { recordId } from "../fields";
import { LOCK_GENERATION } from "../sessions/generate-sessions";
import { parseInput } from "../validation";
import { selectRecurringBookingViews, type RecurringBookingView } from "./recurring-booking-view";
import { enqueueSeriesCancelled } from "../messages/series-messages";

/** The REST body: "this and all future" unless told otherwise. */
export const cancelRecurringBookingBody = z.strictObject({ futureOnly: z.boolean().default(true) });

export const cancelRecurringBookingInput = z.strictObject({
  recurringBookingId: recordId,
  futureOnly: z.boolean({ error: "Must be true (this and all future) or false (also past unheld ones)" }),
});

export type CancelRecurringBookingInput = z.input<typeof cancelRecurringBookingInput>;

export async function cancelRecurringBooking(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: CancelRecurringBookingInput;
  now?: Date;
}): Promise<{ cancelled: number; recurringBooking: RecurringBookingView }> {
  const { actor } = options;
  assertCan(actor, "sessions:cancel");
  const input = parseInput(cancelRecurringBookingInput, options.input);
  const now = options.now ?? new Date();

  return options.db.transaction(async (tx) => {
    await tx.execute(LOCK_GENERATION);
    const [series] = await tx
      .select()
      .from(recurringBookings)
      .where(eq(recurringBookings.id, input.recurringBookingId))
      .for("update");
    // Someone else's series is "not found": no hint that it exists.
    // A class series is cancelled by classes/cancel-class-series.ts.
    if (!series || series.memberId === null || !isInBookingScope(actor, series)) {
      throw new AppError("not_found", `No recurring booking ${input.recurringBookingId}`);
    }
    if (series.status === "cancelled") throw new AppError("conflict", "This recurring booking is already cancelled");

    await tx
      .update(recurringBookings)
      .set({ status: "cancelled", cancelledAt: now, updatedAt: now })
      .where(eq(recurringBookings.id, series.id));
    const cancelled = await tx
      .update(trainingSessions)
      .set({
        status: "cancelled",
        cancelledAt: now,
        updatedAt: now,
        cancellationReason: `Series cancelled by ${actor.role === "member" ? "the member" : `the ${actor.role}`}`,
      })
      .where(
        and(
          eq(trainingSessions.recurringBookingId, series.id),
          eq(trainingSessions.status, "scheduled"),
          input.futureOnly ? gt(trainingSessions.startsAt, now) : undefined,
        ),
      )
      .returning({ id: trainingSessions.id, startsAt: trainingSessions.startsAt, endsAt: trainingSessions.endsAt });
    await tx
      .update(sessionConflicts)
      .set({ status: "resolved", resolution: "series cancelled", resolvedAt: now })
      .where(and(eq(sessionConflicts.recurringBookingId, series.id), eq(sessionConflicts.status, "open")));

    const [view] = await selectRecurringBookingViews(tx, eq(recurringBookings.id, series.id), { now });
    const removed = cancelled
      .filter((session) => session.startsAt.getTime() > now.getTime())
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .map((session) => ({ id: session.id, startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString() }));
    await enqueueSeriesCancelled(tx, view!, removed, actor);
    return { cancelled: cancelled.length, recurringBooking: view! };
  });
}
