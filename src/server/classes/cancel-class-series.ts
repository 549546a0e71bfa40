// The coach (or the owner) ends a class series: no more classes are
// generated, its upcoming classes are cancelled (their places and waitlists
// end, and everyone is told), its standing places end and its open
// conflicts are resolved.
import { and, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { recurringBookings, sessionConflicts, trainingSessions } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { recordId } from "../fields";
import { causeOf, enqueueSessionMessages } from "../messages/session-messages";
import { LOCK_GENERATION } from "../sessions/generate-sessions";
import { parseInput } from "../validation";
import { selectClassSeriesViews, type ClassSeriesView } from "./class-series-view";

export const cancelClassSeriesInput = z.strictObject({ id: recordId });

export async function cancelClassSeries(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: z.input<typeof cancelClassSeriesInput>;
  now?: Date;
}): Promise<{ classSeries: ClassSeriesView; cancelledClasses: number }> {
  const { actor } = options;
  assertCan(actor, "classes:manage");
  const input = parseInput(cancelClassSeriesInput, options.input);
  const now = options.now ?? new Date();
  return options.db.transaction(async (tx) => {
    await tx.execute(LOCK_GENERATION);
    const [series] = await selectRows<{ id: string; coach_id: string; status: string }>(
      tx,
      sql`SELECT id, coach_id, status::text AS status FROM recurring_bookings WHERE id = ${input.id} AND member_id IS NULL FOR UPDATE`,
    );
    if (!series || (actor.role === "coach" && series.coach_id !== actor.id)) throw new AppError("not_found", `No class series with id ${input.id}`);
    if (series.status === "cancelled") throw new AppError("conflict", "This class series is already cancelled");
    await tx.update(recurringBookings).set({ status: "cancelled", cancelledAt: now, updatedAt: now }).where(eq(recurringBookings.id, series.id));
    await tx.execute(sql`UPDATE standing_places SET status = 'cancelled', cancelled_at = ${now.toISOString()}::timestamptz
                         WHERE series_id = ${series.id} AND status = 'active'`);
    const cancelled = await tx
      .update(trainingSessions)
      .set({ status: "cancelled", cancelledAt: now, updatedAt: now, cancellationReason: "Class series cancelled" })
      .where(and(eq(trainingSessions.recurringBookingId, series.id), eq(trainingSessions.status, "scheduled"), gt(trainingSessions.startsAt, now)))
      .returning({ id: trainingSessions.id });
    await tx
      .update(sessionConflicts)
      .set({ status: "resolved", resolution: "series cancelled", resolvedAt: now })
      .where(and(eq(sessionConflicts.recurringBookingId, series.id), eq(sessionConflicts.status, "open")));
    await enqueueSessionMessages(
      tx,
      cancelled.map((row) => row.id),
      { kind: "session_cancelled", actor, cause: causeOf(actor), reason: "Class series cancelled" },
    );
    const [view] = await selectClassSeriesViews(tx, sql`rb.id = ${series.id}`);
    return { classSeries: view!, cancelledClasses: cancelled.length };
  });
}
