// Owner: the outbox, newest first, optionally one status only.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { outboxMessages } from "@/db/schema";
import { outboxStatuses } from "@/domain/message-kind";
import { selectOutboxViews, type OutboxMessageView } from "../messages/outbox-view";
import { parseInput } from "../validation";

export const listOutboxInput = z.strictObject({
  status: z.enum(outboxStatuses, { error: `One of ${outboxStatuses.join(", ")}` }).optional(),
  limit: z.coerce.number().int("A whole number").min(1, "At least 1").max(500, "At most 500").default(100),
});

export type ListOutboxInput = z.input<typeof listOutboxInput>;

export async function listOutbox(options: { db: DatabaseOrTransaction; actor: Actor | null; input: ListOutboxInput }): Promise<OutboxMessageView[]> {
  assertCan(options.actor, "outbox:manage");
  const input = parseInput(listOutboxInput, options.input);
  return selectOutboxViews(options.db, input.status ? eq(outboxMessages.status, input.status) : undefined, input.limit);
}
