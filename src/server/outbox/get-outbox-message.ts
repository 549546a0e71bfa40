// Owner: one message of the outbox as its recipient sees it.
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { AppError } from "@/domain/errors";
import { recordId } from "../fields";
import { findOutboxDetail, type OutboxMessageDetail } from "../messages/outbox-view";
import { parseInput } from "../validation";

export const getOutboxMessageInput = z.strictObject({ id: recordId });

export async function getOutboxMessage(options: { db: DatabaseOrTransaction; actor: Actor | null; input: { id: string } }): Promise<OutboxMessageDetail> {
  assertCan(options.actor, "outbox:manage");
  const { id } = parseInput(getOutboxMessageInput, options.input);
  const message = await findOutboxDetail(options.db, id);
  if (!message) throw new AppError("not_found", `No message with id ${id}`);
  return message;
}
