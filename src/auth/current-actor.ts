// Who is making this request: the signed-in user behind the session cookie or
// the `Authorization: Bearer <token>` header, with their role, or null.
// A bearer token is a personal API key (`cb_…`, api-key-actor.ts) or a
// session token: those take the one-query path of bearer-session.ts when it
// can decide; everything else is better-auth's getSession.
import { getDatabase } from "@/db";
import type { Actor } from "./actor";
import { apiKeyActor, bearerApiKey } from "./api-key-actor";
import { getAuth } from "./auth";
import { bearerActor } from "./bearer-session";

export async function getCurrentActor(headers: Headers): Promise<Actor | null> {
  const apiKey = bearerApiKey(headers);
  if (apiKey) return apiKeyActor((await getDatabase()).db, apiKey);
  const auth = await getAuth();
  const fromBearer = await bearerActor(auth, (await getDatabase()).db, headers);
  if (fromBearer) return fromBearer;
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const { id, role, email, name } = session.user;
  // The column is NOT NULL DEFAULT 'member'; better-auth types it as optional.
  return { id, role: role ?? "member", email, name };
}
