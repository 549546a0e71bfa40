// Delivering the outbox: any number of workers, on any number of instances,
// share it without sending a message twice at once.
//  1. claim: one UPDATE takes up to `batch` due messages (pending and due,
//     or sending with an expired lease) with FOR UPDATE SKIP LOCKED, marks
//     them sending, raises their attempt count and leases them for
//     LEASE_MS. Two workers never claim the same row; a worker that dies
//     mid-delivery leaves its rows leased, and another takes them when the
//     lease ends.
//  2. send: render (recipient's language and zone) and hand to the transport.
//  3. settle: sent; or, on a temporary failure, pending again after a
//     backoff; or failed (a permanent refusal, or MAX_ATTEMPTS reached), kept
//     with its reason for the owner. Each settle is fenced by the attempt
//     number it claimed: a worker whose lease ran out changes nothing.
// A message is handed to SMTP once per claim. The one window for a second
// delivery is a worker killed after the SMTP server accepted a message and
// before its settle committed; the retry carries the same Message-ID, by
// which mail clients drop the copy (docs/decisions/0012).
import { sql } from "drizzle-orm";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { outboxMessages, users } from "@/db/schema";
import { columnName } from "@/db/sql-names";
import type { MessageKind } from "@/domain/message-kind";
import { businessTimeZone } from "../config";
import { publicBaseUrl } from "../public-url";
import { PermanentDeliveryError, type MailSettings, type MailTransport } from "./mail-transport";
import { renderMessage } from "./render-message";
import { unsubscribeLinks } from "./unsubscribe-token";

/** How long a claimed message belongs to its worker. Longer than any SMTP timeout (60 s). */
export const LEASE_MS = Number(process.env.OUTBOX_LEASE_MS) > 0 ? Number(process.env.OUTBOX_LEASE_MS) : 5 * 60_000;
export const MAX_ATTEMPTS = 8;

/** The wait before attempt n + 1: 30 s, 1 min, 2 min … at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

interface ClaimedRow {
  id: string;
  kind: MessageKind;
  payload: unknown;
  attempts: number;
  created_at: Date | string;
  recipient_id: string;
  name: string;
  email: string;
  locale: string;
  timezone: string | null;
}

export interface DeliveryOutcome {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

const o = outboxMessages;

// `now` is a JavaScript Date (milliseconds) and next_attempt_at the
// database's now() (microseconds): a message enqueued at 10:00:00.123456 is
// due for a pass at 10:00:00.123, so "due" means "before the next millisecond"
// (otherwise it waits a whole poll, and a test that enqueues then delivers at
// once fails on a fast machine).
export async function claimDueMessages(db: DatabaseOrTransaction, batch: number, now = new Date()): Promise<ClaimedRow[]> {
  const at = now.toISOString();
  return selectRows<ClaimedRow>(
    db,
    sql`WITH due AS (
          SELECT ${o.id} FROM ${o}
          WHERE ${o.status} IN ('pending', 'sending')
            AND ((${o.status} = 'pending' AND ${o.nextAttemptAt} < ${at}::timestamptz + interval '1 millisecond')
              OR (${o.status} = 'sending' AND ${o.lockedUntil} < ${at}::timestamptz))
          ORDER BY ${o.nextAttemptAt}
          LIMIT ${batch}
          FOR UPDATE SKIP LOCKED),
        claimed AS (
          UPDATE ${o} SET ${columnName(o.status)} = 'sending', ${columnName(o.attempts)} = ${o.attempts} + 1,
                 ${columnName(o.lockedUntil)} = ${at}::timestamptz + ${`${LEASE_MS} milliseconds`}::interval
          FROM due WHERE ${o.id} = due.id
          RETURNING ${o.id}, ${o.kind}, ${o.payload}, ${o.attempts}, ${o.createdAt}, ${o.recipientId})
        SELECT claimed.id, claimed.kind, claimed.payload, claimed.attempts, claimed.created_at, claimed.recipient_id,
               ${users.name}, ${users.email}, ${users.locale}, ${users.timezone}
        FROM claimed JOIN ${users} ON ${users.id} = claimed.recipient_id`,
  );
}

async function settle(db: DatabaseOrTransaction, row: ClaimedRow, change: { status: "sent" | "pending" | "failed"; error?: string; transport?: string; nextAttemptAt?: Date }) {
  await db.execute(sql`UPDATE ${o} SET ${columnName(o.status)} = ${change.status}::outbox_status,
        ${columnName(o.lockedUntil)} = NULL,
        ${columnName(o.lastError)} = ${change.error ?? null},
        ${columnName(o.transport)} = coalesce(${change.transport ?? null}, ${o.transport}),
        ${columnName(o.sentAt)} = CASE WHEN ${change.status} = 'sent' THEN now() ELSE ${o.sentAt} END,
        ${columnName(o.nextAttemptAt)} = coalesce(${change.nextAttemptAt?.toISOString() ?? null}::timestamptz, ${o.nextAttemptAt})
      WHERE ${o.id} = ${row.id} AND ${o.status} = 'sending' AND ${o.attempts} = ${row.attempts}`);
}

export interface DeliverOptions {
  transport: MailTransport;
  settings: MailSettings;
  batch?: number;
  /** Messages sent at once (SMTP connections of the transport's pool). */
  concurrency?: number;
  now?: () => Date;
  log?: (line: string) => void;
}

/** One pass: claim a batch and deliver it. Call again while it claims a full batch. */
export async function deliverDueMessages(db: DatabaseOrTransaction, options: DeliverOptions): Promise<DeliveryOutcome> {
  const batch = options.batch ?? 20;
  const rows = await claimDueMessages(db, batch, options.now?.() ?? new Date());
  const outcome: DeliveryOutcome = { claimed: rows.length, sent: 0, retried: 0, failed: 0 };
  const context = {
    baseUrl: publicBaseUrl(),
    from: options.settings.from,
    businessZone: businessTimeZone(),
  };
  const queue = [...rows];
  const workers = Array.from({ length: Math.min(options.concurrency ?? 4, queue.length) }, async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      try {
        const rendered = renderMessage(
          { id: row.id, kind: row.kind, payload: row.payload, createdAt: new Date(row.created_at) },
          { id: row.recipient_id, name: row.name, email: row.email, locale: row.locale, timezone: row.timezone },
          { ...context, unsubscribe: unsubscribeLinks(context.baseUrl, row.recipient_id, row.kind) },
        );
        await options.transport.send({ id: row.id, to: { name: row.name, email: row.email }, rendered });
        await settle(db, row, { status: "sent", transport: options.transport.kind });
        outcome.sent++;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const permanent = error instanceof PermanentDeliveryError || !(error instanceof Error) || error instanceof TypeError;
        if (permanent || row.attempts >= MAX_ATTEMPTS) {
          await settle(db, row, { status: "failed", error: reason.slice(0, 1000) });
          outcome.failed++;
          options.log?.(`[mail] ${row.kind} to ${row.email} failed for good after ${row.attempts} attempt(s): ${reason}`);
        } else {
          const next = new Date((options.now?.() ?? new Date()).getTime() + backoffMs(row.attempts));
          await settle(db, row, { status: "pending", error: reason.slice(0, 1000), nextAttemptAt: next });
          outcome.retried++;
        }
      }
    }
  });
  await Promise.all(workers);
  return outcome;
}
