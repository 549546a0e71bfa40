// The signed-in user's calendar feed addresses if it is on, else null,
// without adding one (the Account page shows "off" until asked).
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import { resolveAuthSecret } from "@/auth/secret";
import type { DatabaseOrTransaction } from "@/db";
import type { CalendarFeedView } from "./calendar-feed-view";
import { feedToken, feedTokenHash, feedUrls } from "./feed-token";
import { selectLiveFeed } from "./live-feed";

export async function findCalendarFeed({
  db,
  actor,
  baseUrl,
  secret,
}: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  baseUrl: string;
  secret?: string;
}): Promise<CalendarFeedView | null> {
  assertCan(actor, "account:manage");
  const row = await selectLiveFeed(db, actor.id);
  if (!row) return null;
  const token = feedToken(secret ?? resolveAuthSecret(), row.id, row.nonce);
  // Made under another server secret: its address cannot be shown (getCalendarFeed replaces it).
  return feedTokenHash(token) === row.tokenHash ? feedUrls(baseUrl, token) : null;
}
