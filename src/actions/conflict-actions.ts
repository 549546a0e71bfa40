"use server";
// Server action on a generation conflict: dismiss it, or retry placing the
// occurrence (its coach or the owner). Calls one use case and answers an
// ActionResult; a retry that still does not fit answers the use case's 409
// and its reason.
import { resolveConflict, type ResolveConflictInput } from "@/server/conflicts/resolve-conflict";
import { runAction } from "./action-result";

export async function resolveConflictAction(input: ResolveConflictInput) {
  return runAction("resolveConflict", ({ db, actor }) => resolveConflict({ db, actor, input }));
}
