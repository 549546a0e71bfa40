// The coach (or the owner) cancels one class occurrence. Its places and
// waitlist end with it (a trigger, drizzle/0009, whichever path cancels a
// class: this one, time off, a cancelled session), and everyone who had a
// place or waited is told (session_cancelled, with the reason).
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { trainingSessions } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { freeText, recordId } from "../fields";
import { causeOf, enqueueSessionMessages } from "../messages/session-messages";
import { parseInput } from "../validation";
import { lockClass } from "./class-sql";
import { selectClassViews, type ClassView } from "./class-view";

export const cancelClassBody = z.strictObject({ reason: freeText.optional() });
export const cancelClassInput = cancelClassBody.extend({ id: recordId });
export type CancelClassInput = z.input<typeof cancelClassInput>;

export async function cancelClass(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: CancelClassInput;
  now?: Date;
}): Promise<{ class: ClassView }> {
  const { actor, db } = options;
  assertCan(actor, "classes:manage");
  const input = parseInput(cancelClassInput, options.input);
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const locked = await lockClass(tx, input.id);
    if (!locked || (actor.role === "coach" && locked.coachId !== actor.id)) throw new AppError("not_found", `No class with id ${input.id}`);
    if (locked.status !== "scheduled") throw new AppError("conflict", `The class is already ${locked.status}`);
    await tx
      .update(trainingSessions)
      .set({ status: "cancelled", cancelledAt: now, cancellationReason: input.reason || null, updatedAt: now })
      .where(and(eq(trainingSessions.id, locked.id), eq(trainingSessions.status, "scheduled")));
    await enqueueSessionMessages(tx, [locked.id], { kind: "session_cancelled", actor, cause: causeOf(actor), reason: input.reason || null });
    const [view] = await selectClassViews(tx, (s) => sql`${s.id} = ${locked.id}`, actor.id);
    return { class: view! };
  });
}
