// Generation conflicts (occurrences a series could not place): a coach sees
// their own, the owner everyone's; a member's role never (403). `status`
// defaults to open, the ones waiting for a decision. The owner may narrow to
// one coach; a coach's coachId filter is ANDed with their scope, so naming
// another coach gives an empty list, never someone else's conflicts.
import { z } from "zod";
import { and, eq, type SQL } from "drizzle-orm";
import type { Actor } from "@/auth/actor";
import { assertCan, bookingScope } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { sessionConflicts } from "@/db/schema";
import { recordId } from "../fields";
import { parseInput } from "../validation";
import { selectConflictViews, type ConflictView } from "./conflict-view";

export const listConflictsInput = z.strictObject({
  status: z.enum(["open", "resolved", "all"]).default("open"),
  coachId: recordId.optional(),
});

export type ListConflictsInput = z.input<typeof listConflictsInput>;

export async function listConflicts(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input?: ListConflictsInput;
}): Promise<ConflictView[]> {
  const { actor } = options;
  assertCan(actor, "conflicts:manage");
  const input = parseInput(listConflictsInput, options.input ?? {});

  const scope = bookingScope(actor);
  const conditions: SQL[] = [];
  if (scope.coachId !== undefined) conditions.push(eq(sessionConflicts.coachId, scope.coachId));
  if (input.coachId !== undefined) conditions.push(eq(sessionConflicts.coachId, input.coachId));
  if (input.status !== "all") conditions.push(eq(sessionConflicts.status, input.status));

  return selectConflictViews(options.db, conditions.length ? and(...conditions) : undefined);
}
