// What the product tells people, one kind per event (docs/decisions/0012).
// The outbox's `kind` column is an enum built from this tuple.

export const messageKinds = [
  // Accounts: never unsubscribable.
  "password_reset",
  "email_verification",
  "welcome",
  // Sessions: to every party of the session.
  "booking_confirmed",
  "series_confirmed",
  "session_cancelled",
  "series_cancelled",
  "no_show",
  "occurrence_conflict",
  "conflict_resolved",
  // Unsubscribable with one click.
  "reminder",
  "owner_digest",
  // Classes (drizzle/0009 appends them to the enum, hence after the rest).
  "class_enrolled",
  "class_waitlisted",
  "class_promoted",
  // drizzle/0010: a member's place given up (by them, their coach or the owner).
  "class_place_cancelled",
] as const;

export type MessageKind = (typeof messageKinds)[number];

/** Account mail cannot be turned off; reminders and digests can. */
export const unsubscribableKinds = ["reminder", "owner_digest"] as const satisfies readonly MessageKind[];
export type UnsubscribableKind = (typeof unsubscribableKinds)[number];

export function isUnsubscribable(kind: MessageKind): kind is UnsubscribableKind {
  return (unsubscribableKinds as readonly MessageKind[]).includes(kind);
}

/** pending → sending → sent, or back to pending (retry after backoff), or failed (kept, shown to the owner). */
export const outboxStatuses = ["pending", "sending", "sent", "failed"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];
