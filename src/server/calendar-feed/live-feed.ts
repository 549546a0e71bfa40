// The one live feed of a user: read it, add it, replace it. The partial
// unique index calendar_feeds_live_user_unique (one row per user with
// revoked_at NULL) decides every race: an insert that meets a live row does
// nothing, and the caller reads the row that won.
import { and, eq, isNull, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { DatabaseOrTransaction } from "@/db";
import { calendarFeeds, users } from "@/db/schema";
import { AppError } from "@/domain/errors";
import type { CalendarFeedView } from "./calendar-feed-view";
import { feedToken, feedTokenHash, feedUrls, newFeedNonce } from "./feed-token";

interface FeedRow {
  id: string;
  nonce: string;
  tokenHash: string;
}

const feedColumns = { id: calendarFeeds.id, nonce: calendarFeeds.nonce, tokenHash: calendarFeeds.tokenHash };

/** A try or two is enough: each retry follows a change another request committed. */
const ATTEMPTS = 3;

export async function selectLiveFeed(db: DatabaseOrTransaction, userId: string): Promise<FeedRow | undefined> {
  const [row] = await db
    .select(feedColumns)
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
  return row;
}

/** A new live feed for the user, or undefined when one is live already (or became so meanwhile). */
export async function insertLiveFeed(db: DatabaseOrTransaction, userId: string, secret: string, now: Date): Promise<FeedRow | undefined> {
  const id = randomUUID();
  const nonce = newFeedNonce();
  const [row] = await db
    .insert(calendarFeeds)
    .values({ id, userId, nonce, tokenHash: feedTokenHash(feedToken(secret, id, nonce)), createdAt: now })
    .onConflictDoNothing({ target: calendarFeeds.userId, where: sql`${calendarFeeds.revokedAt} IS NULL` })
    .returning(feedColumns);
  return row;
}

/**
 * Revokes the user's live feed, if any, and adds a new one, in one
 * transaction: the old address stops working when the new one starts.
 */
export async function replaceLiveFeed(db: DatabaseOrTransaction, userId: string, secret: string, now: Date): Promise<FeedRow> {
  return db.transaction(async (tx) => {
    // Two rotations at once queue here, the second replacing the first's feed.
    // NO KEY UPDATE: a first ask's insert (its foreign key takes KEY SHARE on
    // this row) is not blocked, since this transaction may wait on that insert.
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("no key update");
    if (!user) throw new AppError("not_found", "Your account no longer exists");
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      await revokeLiveFeed(tx, userId, now);
      // A feed added by a concurrent GET after the revoke: revoked on the next try.
      const row = await insertLiveFeed(tx, userId, secret, now);
      if (row) return row;
    }
    throw new AppError("conflict", "Your calendar feed is being changed right now; try again in a moment");
  });
}

export async function revokeLiveFeed(db: DatabaseOrTransaction, userId: string, now: Date): Promise<boolean> {
  const revoked = await db
    .update(calendarFeeds)
    .set({ revokedAt: now })
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  return revoked.length > 0;
}

/** The live feed's addresses, adding the feed when there is none. */
export async function liveFeedUrls(
  db: DatabaseOrTransaction,
  userId: string,
  options: { secret: string; baseUrl: string; now: Date },
): Promise<CalendarFeedView> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const row = (await selectLiveFeed(db, userId)) ?? (await insertLiveFeed(db, userId, options.secret, options.now));
    if (!row) continue; // another request's feed won the insert, then was turned off: look again
    const token = feedToken(options.secret, row.id, row.nonce);
    // Made under another server secret (BETTER_AUTH_SECRET changed): its
    // address can no longer be shown, so it is replaced.
    if (feedTokenHash(token) !== row.tokenHash) return urlsOf(await replaceLiveFeed(db, userId, options.secret, options.now), options);
    return feedUrls(options.baseUrl, token);
  }
  throw new AppError("conflict", "Your calendar feed is being changed right now; try again in a moment");
}

export function urlsOf(row: FeedRow, options: { secret: string; baseUrl: string }): CalendarFeedView {
  return feedUrls(options.baseUrl, feedToken(options.secret, row.id, row.nonce));
}
