// Turning reminders or the digest off from a message's link, without signing
// in: the signed token (messages/unsubscribe-token.ts) names the person and
// what to turn off. A bad or forged token is 404.
import { eq } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db";
import { users } from "@/db/schema";
import { AppError } from "@/domain/errors";
import type { UnsubscribableKind } from "@/domain/message-kind";
import { readUnsubscribeToken } from "../messages/unsubscribe-token";

export interface Unsubscribed {
  kind: UnsubscribableKind;
  name: string;
}

function claimOf(token: string | null | undefined) {
  const claim = token ? readUnsubscribeToken(token) : null;
  if (!claim) throw new AppError("not_found", "This unsubscribe link is not valid");
  return claim;
}

/** Who and what a link would turn off (the confirmation page), without changing anything. */
export async function describeUnsubscribe(db: DatabaseOrTransaction, token: string | null | undefined): Promise<Unsubscribed> {
  const claim = claimOf(token);
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, claim.userId));
  if (!user) throw new AppError("not_found", "This unsubscribe link is not valid");
  return { kind: claim.kind, name: user.name };
}

export async function unsubscribe(db: DatabaseOrTransaction, token: string | null | undefined): Promise<Unsubscribed> {
  const claim = claimOf(token);
  const [user] = await db
    .update(users)
    .set(claim.kind === "reminder" ? { reminder: "off", updatedAt: new Date() } : { emailDigest: false, updatedAt: new Date() })
    .where(eq(users.id, claim.userId))
    .returning({ name: users.name });
  if (!user) throw new AppError("not_found", "This unsubscribe link is not valid");
  return { kind: claim.kind, name: user.name };
}
