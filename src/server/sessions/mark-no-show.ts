// Mark a session no-show: the member did not come. Its coach or the owner
// (a member's role never may: 403); a session of another coach is 404, as if
// it did not exist (see cancel-session.ts for the rule).
//
// Only once the session has started (409 before). From `scheduled`, or from
// `completed` as a correction (the generator marks past sessions completed);
// a cancelled session, or one already no-show, is 409 — the state machine in
// src/domain/session-status.ts decides. A one-time booking's row becomes
// NO_SHOW in the same transaction.
//
// Race-free like cancelling: the UPDATE's WHERE decides, a later read only
// explains a refusal.
import { z } from "zod";
import { and, eq, inArray, lte, type SQL } from "drizzle-orm";
import type { Actor } from "@/auth/current-actor";
import { assertCan, bookingScope, isInBookingScope } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { bookings, trainingSessions } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { statusesLeadingTo, transitionRefusal } from "@/domain/session-status";
import { recordId } from "../fields";
import { parseInput } from "../validation";
import { selectSessionViews, type SessionView } from "./session-view";

export const markNoShowInput = z.strictObject({ id: recordId });

export type MarkNoShowInput = z.input<typeof markNoShowInput>;

export async function markNoShow(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: MarkNoShowInput;
  now?: Date;
}): Promise<SessionView> {
  const { actor } = options;
  assertCan(actor, "sessions:no-show");
  const input = parseInput(markNoShowInput, options.input);
  const now = options.now ?? new Date();

  return options.db.transaction(async (tx) => {
    const scope = bookingScope(actor);
    const conditions: SQL[] = [
      eq(trainingSessions.id, input.id),
      inArray(trainingSessions.status, statusesLeadingTo("no_show")),
      lte(trainingSessions.startsAt, now),
    ];
    if (scope.memberId !== undefined) conditions.push(eq(trainingSessions.memberId, scope.memberId));
    if (scope.coachId !== undefined) conditions.push(eq(trainingSessions.coachId, scope.coachId));

    const [marked] = await tx
      .update(trainingSessions)
      .set({ status: "no_show", updatedAt: now })
      .where(and(...conditions))
      .returning({ id: trainingSessions.id, oneTimeBookingId: trainingSessions.oneTimeBookingId });

    if (!marked) throw await explainRefusal(tx, actor, input.id, now);

    if (marked.oneTimeBookingId) {
      await tx.update(bookings).set({ status: "NO_SHOW" }).where(eq(bookings.id, marked.oneTimeBookingId));
    }

    const [view] = await selectSessionViews(tx, eq(trainingSessions.id, marked.id));
    return view!;
  });
}

async function explainRefusal(db: DatabaseOrTransaction, actor: Actor, id: string, now: Date): Promise<AppError> {
  const [row] = await db
    .select({
      coachId: trainingSessions.coachId,
      memberId: trainingSessions.memberId,
      status: trainingSessions.status,
      startsAt: trainingSessions.startsAt,
    })
    .from(trainingSessions)
    .where(eq(trainingSessions.id, id));
  if (!row || !isInBookingScope(actor, row)) return new AppError("not_found", `No session with id ${id}`);

  const refusal = transitionRefusal(row.status, "no_show");
  if (refusal) return new AppError("conflict", `${refusal} (status: ${row.status})`);
  const startsAt = new Date(row.startsAt);
  if (startsAt.getTime() > now.getTime()) {
    return new AppError("conflict", `The session has not started yet (it starts at ${startsAt.toISOString()})`);
  }
  return new AppError("conflict", "The session changed meanwhile; reload it and try again");
}
