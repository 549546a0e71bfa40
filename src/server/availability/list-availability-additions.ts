// A coach's availability additions that have not ended yet (or those
// overlapping ?from&to), in start order: the coach themself or the owner.
// Members see the effect in free slots, not the list.
import { z } from "zod";
import { and, asc, eq, gt, lt, type SQL } from "drizzle-orm";
import type { Actor } from "@/auth/actor";
import { assertActsForCoach, assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { availabilityAdditions } from "@/db/schema";
import { requireCoach } from "../coaches/find-coach";
import { recordId } from "../fields";
import { parseInput } from "../validation";
import { windowFilter } from "./inputs";
import { toTimeWindowView, type AvailabilityAdditionView } from "./window-views";

/** The query string: ?from&to (instants); from defaults to now. */
export const listAvailabilityAdditionsQuery = z.strictObject(windowFilter);

export const listAvailabilityAdditionsInput = listAvailabilityAdditionsQuery.extend({ coachId: recordId });

export type ListAvailabilityAdditionsInput = z.input<typeof listAvailabilityAdditionsInput>;

export async function listAvailabilityAdditions(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: ListAvailabilityAdditionsInput;
  now?: Date;
}): Promise<AvailabilityAdditionView[]> {
  const { actor, db } = options;
  assertCan(actor, "availability:manage");
  const input = parseInput(listAvailabilityAdditionsInput, options.input);
  assertActsForCoach(actor, input.coachId, "availability:manage");
  await requireCoach(db, input.coachId);

  const conditions: SQL[] = [
    eq(availabilityAdditions.coachId, input.coachId),
    gt(availabilityAdditions.endsAt, input.from ?? options.now ?? new Date()),
  ];
  if (input.to) conditions.push(lt(availabilityAdditions.startsAt, input.to));
  const rows = await db
    .select()
    .from(availabilityAdditions)
    .where(and(...conditions))
    .orderBy(asc(availabilityAdditions.startsAt), asc(availabilityAdditions.id));
  return rows.map(toTimeWindowView);
}
