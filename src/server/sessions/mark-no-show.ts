// Mark a session no-show: the member did not come. Its coach or the owner
// (a member's role never may: 403); a session of another coach is 404, as if
// it did not exist (see cancel-session.ts for the rule).
//
// Only once the session has started (409 before). From `scheduled`, or from
// `completed` as a correction (the generator marks past sessions completed);
// a cancelled session, or one already no-show, is 409 — the state machine in
// src/domain/session-status.ts decides. A one-time booking's row becomes
// NO_SHOW in the same transaction. A group class is never no-show as a
// whole: its attendance is marked per place (classes/mark-attendance.ts), 409.
//
// Race-free like cancelling: the UPDATE's WHERE decides, a later read only
// explains a refusal.
import { z } from "zod";
import { and, eq, inArray, lte, ne, type SQL } from "drizzle-orm";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { bookings, trainingSessions } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { statusesLeadingTo } from "@/domain/session-status";
import { recordId } from "../fields";
import { enqueueSessionMessages } from "../messages/session-messages";
import { parseInput } from "../validation";
import { explainRefusedTransition, sessionScopeConditions } from "./session-transition";
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
    const conditions: SQL[] = [
      eq(trainingSessions.id, input.id),
      inArray(trainingSessions.status, statusesLeadingTo("no_show")),
      lte(trainingSessions.startsAt, now),
      ne(trainingSessions.type, "GROUP"),
      ...sessionScopeConditions(actor),
    ];

    const [marked] = await tx
      .update(trainingSessions)
      .set({ status: "no_show", updatedAt: now })
      .where(and(...conditions))
      .returning({ id: trainingSessions.id, oneTimeBookingId: trainingSessions.oneTimeBookingId });

    if (!marked) {
      throw await explainRefusedTransition(tx, actor, input.id, "no_show", ({ startsAt, type }) => {
        if (type === "GROUP") {
          return new AppError("conflict", "A class is not marked no-show as a whole: mark each place attended or no-show (POST /api/v1/enrolments/{id}/attendance)");
        }
        return startsAt.getTime() > now.getTime()
          ? new AppError("conflict", `The session has not started yet (it starts at ${startsAt.toISOString()})`)
          : undefined;
      });
    }

    if (marked.oneTimeBookingId) {
      await tx.update(bookings).set({ status: "NO_SHOW" }).where(eq(bookings.id, marked.oneTimeBookingId));
    }

    await enqueueSessionMessages(tx, [marked.id], { kind: "no_show", actor, cause: "no_show" });
    const [view] = await selectSessionViews(tx, eq(trainingSessions.id, marked.id));
    return view!;
  });
}
