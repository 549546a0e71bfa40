// A coach's blocked slots (time off) that have not ended yet (or those
// overlapping ?from&to), in start order: the coach themself or the owner.
// Members see the effect in free slots, never the reasons.
import { z } from "zod";
import { and, asc, eq, gt, lt, type SQL } from "drizzle-orm";
import type { Actor } from "@/auth/actor";
import { assertActsForCoach, assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { blockedSlots } from "@/db/schema";
import { requireCoach } from "../coaches/find-coach";
import { recordId } from "../fields";
import { parseInput } from "../validation";
import { windowFilter } from "./inputs";
import { toTimeWindowView, type BlockedSlotView } from "./window-views";

/** The query string: ?from&to (instants); from defaults to now. */
export const listBlockedSlotsQuery = z.strictObject(windowFilter);

export const listBlockedSlotsInput = listBlockedSlotsQuery.extend({ coachId: recordId });

export type ListBlockedSlotsInput = z.input<typeof listBlockedSlotsInput>;

export async function listBlockedSlots(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: ListBlockedSlotsInput;
  now?: Date;
}): Promise<BlockedSlotView[]> {
  const { actor, db } = options;
  assertCan(actor, "availability:manage");
  const input = parseInput(listBlockedSlotsInput, options.input);
  assertActsForCoach(actor, input.coachId, "availability:manage");
  await requireCoach(db, input.coachId);

  const conditions: SQL[] = [
    eq(blockedSlots.coachId, input.coachId),
    gt(blockedSlots.endsAt, input.from ?? options.now ?? new Date()),
  ];
  if (input.to) conditions.push(lt(blockedSlots.startsAt, input.to));
  const rows = await db
    .select()
    .from(blockedSlots)
    .where(and(...conditions))
    .orderBy(asc(blockedSlots.startsAt), asc(blockedSlots.id));
  return rows.map(toTimeWindowView);
}
