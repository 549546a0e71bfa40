// The signed-in user replaces their calendar feed's address: the old one
// answers 404 from now on (a calendar subscribed to it stops updating), the
// new one is answered. With no feed yet, this just adds one.
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import { resolveAuthSecret } from "@/auth/secret";
import type { DatabaseOrTransaction } from "@/db";
import type { CalendarFeedView } from "./calendar-feed-view";
import { replaceLiveFeed, urlsOf } from "./live-feed";

export async function rotateCalendarFeed({
  db,
  actor,
  baseUrl,
  secret,
  now = new Date(),
}: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  baseUrl: string;
  secret?: string;
  now?: Date;
}): Promise<CalendarFeedView> {
  assertCan(actor, "account:manage");
  const options = { secret: secret ?? resolveAuthSecret(), baseUrl };
  return urlsOf(await replaceLiveFeed(db, actor.id, options.secret, now), options);
}
