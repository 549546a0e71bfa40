// The signed-in user turns their calendar feed off: its address answers 404
// from now on. Nothing to turn off changes nothing. Asking for the feed
// again (GET) adds a new one, at a new address.
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { revokeLiveFeed } from "./live-feed";

export async function revokeCalendarFeed({
  db,
  actor,
  now = new Date(),
}: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  now?: Date;
}): Promise<void> {
  assertCan(actor, "account:manage");
  await revokeLiveFeed(db, actor.id, now);
}
