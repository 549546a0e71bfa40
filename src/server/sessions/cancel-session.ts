// Cancel ONE session. A series goes on: the cancelled row stays, and the
// unique (recurring_booking_id, starts_at) key keeps the generator from ever
// re-creating that occurrence (invariant 2).
//
// Who: the session's member, its coach, or the owner. Anyone else is told
// 404, exactly as for an id that does not exist: the answer never reveals
// that another member's session exists. (403 is kept for "your role can never
// do this", which says nothing about a particular row.)
//
// When: only a `scheduled` session (the state machine, src/domain/
// session-status.ts); 409 names the current status otherwise. A member may
// cancel only before the session starts; its coach and the owner may cancel a
// scheduled session at any time.
//
// A one-time booking's row (bookings) is marked CANCELLED_BY_MEMBER or
// CANCELLED_BY_COACH (the owner counts as the business side) in the same
// transaction.
//
// Race-free: the decision is the UPDATE's own WHERE (status, scope, start),
// not an earlier read; the read after a refused UPDATE only explains it.
import { z } from "zod";
import { and, eq, gt, inArray, type SQL } from "drizzle-orm";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { bookings, trainingSessions } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { statusesLeadingTo } from "@/domain/session-status";
import { freeText, recordId } from "../fields";
import { causeOf, enqueueSessionMessages } from "../messages/session-messages";
import { parseInput } from "../validation";
import { explainRefusedTransition, sessionScopeConditions } from "./session-transition";
import { selectSessionViews, type SessionView } from "./session-view";

/** The POST body. */
export const cancelSessionBody = z.strictObject({
  reason: freeText.optional(),
});

export const cancelSessionInput = cancelSessionBody.extend({ id: recordId });

export type CancelSessionInput = z.input<typeof cancelSessionInput>;

export async function cancelSession(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: CancelSessionInput;
  now?: Date;
}): Promise<SessionView> {
  const { actor } = options;
  assertCan(actor, "sessions:cancel");
  const input = parseInput(cancelSessionInput, options.input);
  const now = options.now ?? new Date();
  const byMember = actor.role === "member";

  return options.db.transaction(async (tx) => {
    const conditions: SQL[] = [
      eq(trainingSessions.id, input.id),
      inArray(trainingSessions.status, statusesLeadingTo("cancelled")),
      ...sessionScopeConditions(actor),
    ];
    if (byMember) conditions.push(gt(trainingSessions.startsAt, now));

    const [cancelled] = await tx
      .update(trainingSessions)
      .set({
        status: "cancelled",
        cancelledAt: now,
        cancellationReason: input.reason || null,
        updatedAt: now,
      })
      .where(and(...conditions))
      .returning({ id: trainingSessions.id, oneTimeBookingId: trainingSessions.oneTimeBookingId });

    if (!cancelled) {
      throw await explainRefusedTransition(tx, actor, input.id, "cancelled", ({ startsAt }) =>
        byMember && startsAt.getTime() <= now.getTime()
          ? new AppError("conflict", `The session already started at ${startsAt.toISOString()}; only its coach can cancel it now`)
          : undefined,
      );
    }

    if (cancelled.oneTimeBookingId) {
      await tx
        .update(bookings)
        .set({ status: byMember ? "CANCELLED_BY_MEMBER" : "CANCELLED_BY_COACH", cancelledAt: now })
        .where(and(eq(bookings.id, cancelled.oneTimeBookingId), inArray(bookings.status, ["CONFIRMED", "WAITLIST"])));
    }

    await enqueueSessionMessages(tx, [cancelled.id], { kind: "session_cancelled", actor, cause: causeOf(actor), reason: input.reason || null });
    const [view] = await selectSessionViews(tx, eq(trainingSessions.id, cancelled.id));
    return view!;
  });
}
