// An outbox message as the owner sees it: who it is for, its delivery state,
// and (for one message) the message itself, rendered exactly as the worker
// renders it. With SMTP configured, the links of account mail (password
// reset, verification, welcome) are hidden: they are the recipient's alone.
// Without SMTP the Outbox is the mailbox, and the owner needs them.
import { desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DatabaseOrTransaction } from "@/db";
import { outboxMessages, users } from "@/db/schema";
import { messageKinds, outboxStatuses } from "@/domain/message-kind";
import { businessTimeZone } from "../config";
import { publicBaseUrl } from "../public-url";
import { instant, recordId } from "../view-fields";
import { mailSettings } from "./mail-transport";
import { renderMessage, type RenderedMessage } from "./render-message";
import { unsubscribeLinks } from "./unsubscribe-token";

export const outboxMessageViewSchema = z
  .strictObject({
    id: recordId,
    kind: z.enum(messageKinds),
    status: z.enum(outboxStatuses),
    recipient: z.strictObject({ id: recordId, name: z.string(), email: z.string() }),
    to: z.string().describe("The recipient's address, as the message was (or will be) sent."),
    subject: z.string(),
    language: z.string(),
    attempts: z.number().int().min(0),
    lastError: z.string().nullable().describe("Why the last attempt failed; null once sent."),
    transport: z.string().nullable().describe("smtp, or mailbox (no SMTP_URL: kept here only); null before delivery."),
    createdAt: instant,
    nextAttemptAt: instant.nullable().describe("When a pending message is tried next."),
    sentAt: instant.nullable(),
  })
  .describe("A message of the outbox, with its delivery state.");

export type OutboxMessageView = z.infer<typeof outboxMessageViewSchema>;

export const outboxMessageDetailSchema = outboxMessageViewSchema
  .extend({
    text: z.string(),
    html: z.string(),
    calendar: z.strictObject({ method: z.enum(["REQUEST", "CANCEL"]), content: z.string() }).nullable().describe("The .ics attached, if any."),
    headers: z.record(z.string(), z.string()),
  })
  .describe("One message of the outbox as its recipient sees it: plain text, HTML and the calendar attachment.");

export type OutboxMessageDetail = z.infer<typeof outboxMessageDetailSchema>;

const accountKinds = new Set(["password_reset", "email_verification", "welcome"]);

function rendered(row: Row): RenderedMessage {
  const baseUrl = publicBaseUrl();
  const settings = mailSettings();
  const message = renderMessage(
    { id: row.id, kind: row.kind, payload: row.payload, createdAt: row.createdAt },
    { id: row.recipientId, name: row.name, email: row.email, locale: row.locale, timezone: row.timezone },
    { baseUrl, from: settings.from, businessZone: businessTimeZone(), unsubscribe: unsubscribeLinks(baseUrl, row.recipientId, row.kind) },
  );
  if (settings.smtpUrl && accountKinds.has(row.kind)) {
    const hide = (text: string) => text.replace(/https?:\/\/[^\s"<]+/g, "[link sent to the recipient only]");
    return { ...message, text: hide(message.text), html: hide(message.html) };
  }
  return message;
}

const columns = {
  id: outboxMessages.id,
  kind: outboxMessages.kind,
  status: outboxMessages.status,
  payload: outboxMessages.payload,
  attempts: outboxMessages.attempts,
  lastError: outboxMessages.lastError,
  transport: outboxMessages.transport,
  createdAt: outboxMessages.createdAt,
  nextAttemptAt: outboxMessages.nextAttemptAt,
  sentAt: outboxMessages.sentAt,
  recipientId: outboxMessages.recipientId,
  name: users.name,
  email: users.email,
  locale: users.locale,
  timezone: users.timezone,
};

function toView(row: Row, message: RenderedMessage): OutboxMessageView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    recipient: { id: row.recipientId, name: row.name, email: row.email },
    to: row.email,
    subject: message.subject,
    language: message.language,
    attempts: row.attempts,
    lastError: row.lastError,
    transport: row.transport,
    createdAt: row.createdAt.toISOString(),
    nextAttemptAt: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

function selectRowsWith(db: DatabaseOrTransaction) {
  return db.select(columns).from(outboxMessages).innerJoin(users, eq(users.id, outboxMessages.recipientId));
}

type Row = Awaited<ReturnType<typeof selectRowsWith>>[number];

export async function selectOutboxViews(db: DatabaseOrTransaction, where: SQL | undefined, limit: number): Promise<OutboxMessageView[]> {
  const rows = await selectRowsWith(db)
    .where(where)
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(limit);
  return rows.map((row) => toView(row, rendered(row)));
}

export async function findOutboxDetail(db: DatabaseOrTransaction, id: string): Promise<OutboxMessageDetail | null> {
  const [row] = await selectRowsWith(db).where(eq(outboxMessages.id, id));
  if (!row) return null;
  const message = rendered(row);
  return { ...toView(row, message), text: message.text, html: message.html, calendar: message.calendar, headers: message.headers };
}
