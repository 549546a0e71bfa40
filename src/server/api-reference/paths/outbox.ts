// The outbox: every message the product writes, for the owner to see and retry.
import { z } from "zod";
import { listOutboxInput } from "@/server/outbox/list-outbox";
import { ref } from "../json-schema";
import type { OperationSpec, PathSpecs } from "../operation";

const access = { permission: "outbox:manage" as const };

const deliveryCounts = {
  type: "object",
  properties: {
    claimed: { type: "integer" },
    sent: { type: "integer" },
    retried: { type: "integer", description: "Failed for now: pending again after a backoff." },
    failed: { type: "integer", description: "Failed for good (refused, or out of attempts): kept for the owner." },
  },
  required: ["claimed", "sent", "retried", "failed"],
} as const;

const cronDelivery: OperationSpec = {
  operationId: "cronDeliverMessages",
  tag: "messages",
  summary: "Write due reminders and deliver due messages (scheduler only)",
  description:
    "For hosts where no process stays up (Vercel: vercel.json calls it every 5 minutes). `npm start` needs no call: its worker does the same continuously. Works for at most 20 seconds. No body.",
  access: { cronSecret: true },
  success: {
    status: 200,
    description: "How many reminders were written and what the delivery did.",
    schema: {
      type: "object",
      properties: { reminders: { type: "integer" }, delivery: deliveryCounts },
      required: ["reminders", "delivery"],
    },
  },
  errors: { 401: "Missing or wrong bearer token, or CRON_SECRET unset on the server (fails closed)." },
};

export const outboxPaths: PathSpecs = {
  "/api/v1/outbox": {
    get: {
      operationId: "listOutbox",
      tag: "messages",
      summary: "Messages sent, waiting or failed",
      description:
        "Newest first: each message with its recipient, subject and delivery state (pending → sending → sent, or failed with `lastError`). Messages are written with the change that causes them and delivered by the worker of `npm start` (or the cron route). Without `SMTP_URL` this is the studio's mailbox: `transport` is `mailbox`.",
      access,
      query: {
        schema: listOutboxInput,
        notes: { status: { description: "Only messages in this state." }, limit: { description: "At most this many (default 100, at most 500)." } },
      },
      success: {
        status: 200,
        description: "The messages.",
        schema: { type: "object", properties: { messages: { type: "array", items: ref("OutboxMessageView") } }, required: ["messages"] },
      },
      errors: { 400: "`status` is not one of pending, sending, sent, failed, or `limit` is out of range.", 403: "Not the owner." },
    },
  },
  "/api/v1/outbox/{id}": {
    get: {
      operationId: "getOutboxMessage",
      tag: "messages",
      summary: "One message as its recipient sees it",
      description:
        "Subject, plain text, HTML, headers and the calendar attachment, rendered in the recipient's language and zone exactly as delivered. With SMTP configured, the links of account mail (password reset, verification, welcome) are hidden.",
      access,
      path: { id: "The message's id." },
      success: {
        status: 200,
        description: "The message.",
        schema: { type: "object", properties: { message: ref("OutboxMessageDetail") }, required: ["message"] },
      },
      errors: { 403: "Not the owner.", 404: "No message with this id." },
    },
  },
  "/api/v1/outbox/{id}/retry": {
    post: {
      operationId: "retryOutboxMessage",
      tag: "messages",
      summary: "Deliver a failed message again",
      description: "The message becomes pending now with a fresh count of attempts, and the worker is woken.",
      access,
      path: { id: "The message's id." },
      success: {
        status: 200,
        description: "The message, pending.",
        schema: { type: "object", properties: { message: ref("OutboxMessageView") }, required: ["message"] },
      },
      errors: { 403: "Not the owner.", 404: "No message with this id.", 409: "The message is sent or being sent." },
    },
  },
  "/api/cron/deliver-messages": {
    get: cronDelivery,
    post: { ...cronDelivery, operationId: "cronDeliverMessagesPost" },
  },
  "/api/unsubscribe": {
    post: {
      operationId: "unsubscribe",
      tag: "messages",
      summary: "Turn off reminders or the digest from a message's link (one click)",
      description:
        "The `List-Unsubscribe` address of reminders and digests (RFC 8058: mail providers post `List-Unsubscribe=One-Click` here). No sign-in: the signed `token` names the person and what to turn off (reminders → `reminder: off`; the digest → `emailDigest: false`). With `from=page` (the /unsubscribe page's form) the answer is a 303 back to that page. Account mail cannot be turned off.",
      access: { anonymous: true },
      query: {
        schema: z.strictObject({ token: z.string(), from: z.literal("page").optional() }),
        notes: { token: { description: "The signed token of the message's link." }, from: { description: "`page`: answer with a redirect to the confirmation page." } },
      },
      success: {
        status: 200,
        description: "What was turned off.",
        schema: { type: "object", properties: { unsubscribed: { enum: ["reminder", "owner_digest"] } }, required: ["unsubscribed"] },
      },
      errors: { 404: "The token is missing, malformed or forged." },
      otherResponses: { 303: { description: "From the page's form: back to /unsubscribe?done=…" } },
    },
  },
};
