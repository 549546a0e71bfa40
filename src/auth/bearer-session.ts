// The common case of `Authorization: Bearer <token>` in one query instead of
// better-auth's two (sessions, then users), with the signature checked by
// node:crypto instead of three WebCrypto calls. Every request still reads the
// session row (no cache): a signed-out or expired session fails at once.
//
// It only ever answers "this is the actor" for requests better-auth would
// answer the same way, and hands everything else back (undefined) to
// better-auth's getSession, which then decides exactly as before:
//
//   - the header's token, as better-auth's bearer plugin reads it, is either
//     an unsigned session token (what the plugin signs itself, so its check
//     cannot fail) or `token.signature` (URI-encoded or not) whose signature
//     is the HMAC-SHA256 of the token with the auth secret, in the form
//     better-auth writes it (standard base64, 44 characters). Any other shape
//     goes to better-auth;
//   - the session row exists, its user exists, and it has not expired
//     (better-auth: expired when expires_at < now; here it must be later than
//     now, or better-auth decides and deletes it);
//   - the session is not due for better-auth's sliding refresh (older than
//     `updateAge`): that request goes to better-auth, which extends it.
// See docs/decisions/0011-bearer-sessions.md.
import { createHmac, timingSafeEqual } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { perDatabase, type DatabaseOrTransaction } from "@/db";
import { sessions, users } from "@/db/schema";
import type { Auth } from "./auth";
import type { Actor } from "./actor";

const BEARER_SCHEME = "bearer ";
/** better-auth's session tokens: generateId(32), letters and digits; - and _ allowed for safety of the check below. */
const PLAIN_TOKEN = /^[A-Za-z0-9_-]+$/;
const SIGNED_TOKEN = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9+/]{43}=)$/;

/** The session token of a bearer header in the shapes above, or undefined. */
export function bearerSessionToken(headers: Headers, secret: string): string | undefined {
  const header = headers.get("authorization");
  if (!header || header.slice(0, 7).toLowerCase() !== BEARER_SCHEME) return undefined;
  let token = header.slice(7).trim();
  // The plugin's two branches: without a dot the token is unsigned, with one it is signed.
  if (!token.includes(".")) return PLAIN_TOKEN.test(token) ? token : undefined;
  if (token.includes("%")) {
    try {
      token = decodeURIComponent(token);
    } catch {
      return undefined;
    }
  }
  const signed = SIGNED_TOKEN.exec(token);
  if (!signed) return undefined;
  const [, value, signature] = signed as unknown as [string, string, string];
  const expected = createHmac("sha256", secret).update(value).digest("base64");
  return timingSafeEqual(Buffer.from(expected), Buffer.from(signature)) ? value : undefined;
}

/** The session's user and expiry, by token: built once per database, named so each pool connection parses it once (PostgreSQL). */
const sessionOfToken = perDatabase((db) =>
  db
    .select({ id: users.id, role: users.role, email: users.email, name: users.name, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.token, sql.placeholder("token")))
    .limit(1)
    .prepare("bearer_actor"),
);

/** The actor behind a bearer token when better-auth would certainly answer it; undefined means "ask better-auth". */
export async function bearerActor(auth: Auth, db: DatabaseOrTransaction, headers: Headers): Promise<Actor | undefined> {
  if (!headers.has("authorization")) return undefined;
  const context = await auth.$context;
  const token = bearerSessionToken(headers, context.secret);
  if (token === undefined) return undefined;

  const [row] = await sessionOfToken(db).execute({ token });
  if (!row) return undefined;

  const now = Date.now();
  const expiresAt = row.expiresAt.getTime();
  if (!(expiresAt > now)) return undefined;
  const { expiresIn, updateAge } = context.sessionConfig;
  if (expiresAt - expiresIn * 1000 + updateAge * 1000 <= now) return undefined;

  return { id: row.id, role: row.role, email: row.email, name: row.name };
}
