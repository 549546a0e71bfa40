"use server";
// Server actions on one training session: cancel it (member, its coach or
// the owner) and mark it no-show (its coach or the owner). Each calls one
// use case and answers an ActionResult; no rule lives here.
import { cancelSession, type CancelSessionInput } from "@/server/sessions/cancel-session";
import { markNoShow, type MarkNoShowInput } from "@/server/sessions/mark-no-show";
import { runAction } from "./action-result";

export async function cancelSessionAction(input: CancelSessionInput) {
  return runAction("cancelSession", ({ db, actor }) => cancelSession({ db, actor, input }));
}

export async function markNoShowAction(input: MarkNoShowInput) {
  return runAction("markNoShow", ({ db, actor }) => markNoShow({ db, actor, input }));
}
