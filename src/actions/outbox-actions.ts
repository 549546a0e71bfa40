"use server";
// Server action for the owner's Outbox page: retry a failed message.
import { retryOutboxMessage } from "@/server/outbox/retry-outbox-message";
import { runAction } from "./action-result";

export async function retryOutboxMessageAction(input: { id: string }) {
  return runAction("retryOutboxMessage", ({ db, actor }) => retryOutboxMessage({ db, actor, input }));
}
