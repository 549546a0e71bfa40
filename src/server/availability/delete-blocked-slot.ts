// A coach (or the owner) removes one of the coach's blocked slots. Freeing
// time never leaves a session outside availability, so nothing is reported.
// 404 when the blocked slot is not this coach's.
import { z } from "zod";
import { and, eq } from "drizzle-orm";
import type { Actor } from "@/auth/actor";
import { assertActsForCoach, assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { blockedSlots } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { requireCoach } from "../coaches/find-coach";
import { recordId } from "../fields";
import { parseInput } from "../validation";
import { toTimeWindowView, type BlockedSlotView } from "./window-views";

export const deleteBlockedSlotInput = z.strictObject({ coachId: recordId, id: recordId });

export type DeleteBlockedSlotInput = z.input<typeof deleteBlockedSlotInput>;

/** Deletes the blocked slot and answers it as it was. */
export async function deleteBlockedSlot(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: DeleteBlockedSlotInput;
}): Promise<BlockedSlotView> {
  const { actor, db } = options;
  assertCan(actor, "availability:manage");
  const input = parseInput(deleteBlockedSlotInput, options.input);
  assertActsForCoach(actor, input.coachId, "availability:manage");
  await requireCoach(db, input.coachId);

  const [row] = await db
    .delete(blockedSlots)
    .where(and(eq(blockedSlots.id, input.id), eq(blockedSlots.coachId, input.coachId)))
    .returning();
  if (!row) throw new AppError("not_found", `No blocked slot with id ${input.id} for this coach`);
  return toTimeWindowView(row);
}
