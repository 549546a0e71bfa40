// Owner: try a failed message again, now, with a fresh count of attempts.
// A message still pending is moved to now; one sent or being sent is a 409.
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { outboxMessages } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { recordId } from "../fields";
import { findOutboxDetail, type OutboxMessageView } from "../messages/outbox-view";
import { writeAndNotify } from "../messages/enqueue";
import { parseInput } from "../validation";
import { sql } from "drizzle-orm";
import { columnName } from "@/db/sql-names";

export const retryOutboxMessageInput = z.strictObject({ id: recordId });

export async function retryOutboxMessage(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: { id: string };
  now?: Date;
}): Promise<OutboxMessageView> {
  assertCan(options.actor, "outbox:manage");
  const { id } = parseInput(retryOutboxMessageInput, options.input);
  const now = options.now ?? new Date();
  const o = outboxMessages;
  // The update and the worker's wake-up in one statement (writeAndNotify notifies when it returns a row),
  // read back in the same transaction: the notification fires on commit, so the worker cannot
  // claim the message between the two and the answer is the message as the retry left it (pending).
  const { changed, message } = await options.db.transaction(async (tx) => {
    const changed = await writeAndNotify(
      tx,
      sql`UPDATE ${o} SET ${columnName(o.status)} = 'pending', ${columnName(o.attempts)} = 0, ${columnName(o.nextAttemptAt)} = ${now.toISOString()}::timestamptz,
            ${columnName(o.lockedUntil)} = NULL
          WHERE ${and(eq(o.id, id), inArray(o.status, ["failed", "pending"]))} RETURNING 1`,
    );
    return { changed, message: await findOutboxDetail(tx, id) };
  });
  if (!message) throw new AppError("not_found", `No message with id ${id}`);
  if (changed === 0) throw new AppError("conflict", `The message is ${message.status}: only a failed or pending message can be retried`);
  const { text: _text, html: _html, calendar: _calendar, headers: _headers, ...view } = message;
  return view;
}
