// Writing messages to the outbox. Every function here takes the caller's
// transaction: a message is written with the change that causes it, so a
// rolled-back change sends nothing and a committed one always does
// (docs/decisions/0012-messages-through-an-outbox.md). Each insert also
// notifies the worker (pg_notify is transactional: it fires on commit only).
import { sql, type SQL } from "drizzle-orm";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { outboxMessages } from "@/db/schema";
import { columnNames } from "@/db/sql-names";
import type { MessageKind } from "@/domain/message-kind";

/** The channel the worker listens on; a notification only wakes it (it reads the table). */
export const OUTBOX_CHANNEL = "coachbook_outbox";

export interface NewMessage {
  kind: MessageKind;
  recipientId: string;
  /** What the message says, as known now (rendered later in the recipient's language and zone). */
  payload: Record<string, unknown>;
  /** A message with a key exists once: a second insert with the same key is dropped. */
  dedupeKey?: string;
}

/** Writes messages (one statement) and wakes the worker. Answers how many were new. */
export async function enqueueMessages(db: DatabaseOrTransaction, messages: NewMessage[]): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = sql.join(
    messages.map(
      (message) =>
        sql`(${message.kind}::message_kind, ${message.recipientId}::text, ${JSON.stringify(message.payload)}::jsonb, ${message.dedupeKey ?? null}::text)`,
    ),
    sql`, `,
  );
  return writeAndNotify(
    db,
    sql`INSERT INTO ${outboxMessages} (${columnNames(outboxMessages.kind, outboxMessages.recipientId, outboxMessages.payload, outboxMessages.dedupeKey)})
        VALUES ${rows} ON CONFLICT DO NOTHING RETURNING 1`,
  );
}

export function enqueueMessage(db: DatabaseOrTransaction, message: NewMessage): Promise<number> {
  return enqueueMessages(db, [message]);
}

/**
 * Runs `insert` (an `INSERT INTO outbox_messages … RETURNING 1`, e.g. an
 * INSERT … SELECT for many sessions at once) and wakes the worker when it
 * wrote anything, in one statement. Answers how many rows it wrote.
 */
export async function writeAndNotify(db: DatabaseOrTransaction, insert: SQL): Promise<number> {
  const [row] = await selectRows<{ written: number }>(
    db,
    sql`WITH written AS (${insert})
        SELECT count(*)::int AS written, bool_or(pg_notify(${OUTBOX_CHANNEL}, '') IS NULL) AS notified FROM written`,
  );
  return row?.written ?? 0;
}
