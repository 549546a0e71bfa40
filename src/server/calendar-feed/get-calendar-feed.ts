// The signed-in user's private calendar feed: its addresses, the feed being
// added on the first ask. Two first asks at once answer the same address
// (the partial unique index picks one row: live-feed.ts).
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import { resolveAuthSecret } from "@/auth/secret";
import type { DatabaseOrTransaction } from "@/db";
import type { CalendarFeedView } from "./calendar-feed-view";
import { liveFeedUrls } from "./live-feed";

export async function getCalendarFeed({
  db,
  actor,
  baseUrl,
  secret,
  now = new Date(),
}: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  /** The app's public origin (publicBaseUrl()). */
  baseUrl: string;
  /** The server secret the token is derived with; resolveAuthSecret() unless given. */
  secret?: string;
  now?: Date;
}): Promise<CalendarFeedView> {
  assertCan(actor, "account:manage");
  return liveFeedUrls(db, actor.id, { secret: secret ?? resolveAuthSecret(), baseUrl, now });
}
