// One-click unsubscribe links for reminders and digests (RFC 8058): the link
// names the person and what to turn off, signed with the server secret, so it
// needs no table and no sign-in, and cannot be forged for someone else.
import { createHmac, timingSafeEqual } from "node:crypto";
import { resolveAuthSecret } from "@/auth/secret";
import { isUnsubscribable, type MessageKind, type UnsubscribableKind } from "@/domain/message-kind";

export interface UnsubscribeClaim {
  userId: string;
  kind: UnsubscribableKind;
}

function signature(payload: string): string {
  return createHmac("sha256", resolveAuthSecret()).update(`unsubscribe:${payload}`).digest("base64url");
}

export function unsubscribeToken(userId: string, kind: UnsubscribableKind): string {
  const payload = Buffer.from(`${userId}:${kind}`).toString("base64url");
  return `${payload}.${signature(payload)}`;
}

export interface UnsubscribeLinks {
  /** In the message: a page that asks to confirm (a link scanner following it changes nothing). */
  pageUrl: string;
  /** The List-Unsubscribe header: a POST there turns it off at once (RFC 8058 one-click). */
  oneClickUrl: string;
}

/** The links for a message of `kind` to `userId`; undefined for account mail, which cannot be turned off. */
export function unsubscribeLinks(baseUrl: string, userId: string, kind: MessageKind): UnsubscribeLinks | undefined {
  if (!isUnsubscribable(kind)) return undefined;
  const token = unsubscribeToken(userId, kind);
  return { pageUrl: `${baseUrl}/unsubscribe?token=${token}`, oneClickUrl: `${baseUrl}/api/unsubscribe?token=${token}` };
}

/** The claim of a genuine token; null for anything else. */
export function readUnsubscribeToken(token: string): UnsubscribeClaim | null {
  const [payload, signed, ...rest] = token.split(".");
  if (!payload || !signed || rest.length > 0 || payload.length > 400) return null;
  const expected = Buffer.from(signature(payload));
  const given = Buffer.from(signed);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [userId, kind, ...extra] = Buffer.from(payload, "base64url").toString("utf8").split(":");
  if (!userId || !kind || extra.length > 0 || !isUnsubscribable(kind as MessageKind)) return null;
  return { userId, kind: kind as UnsubscribableKind };
}
