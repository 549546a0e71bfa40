// `Authorization: Bearer cb_…`: a personal API key (src/server/api-keys).
// It resolves to the key's user with that user's CURRENT role (read with the
// key on every request, so a demotion applies at once); a revoked or unknown
// key is no actor at all (401). last_used_at moves at most once a minute, so
// a busy script costs one read per request, not a write.
import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import { perDatabase, type DatabaseOrTransaction } from "@/db";
import { apiKeys, users } from "@/db/schema";
import { apiKeyHash, looksLikeApiKey } from "@/server/api-keys/api-key-token";
import type { Actor } from "./actor";

const LAST_USED_RESOLUTION_MS = 60_000;

/** The API key of a bearer header, or undefined when the header holds none. */
export function bearerApiKey(headers: Headers): string | undefined {
  const header = headers.get("authorization");
  if (!header || header.slice(0, 7).toLowerCase() !== "bearer ") return undefined;
  const token = header.slice(7).trim();
  return looksLikeApiKey(token) ? token : undefined;
}

const actorOfKey = perDatabase((db) =>
  db
    .select({
      keyId: apiKeys.id,
      lastUsedAt: apiKeys.lastUsedAt,
      id: users.id,
      role: users.role,
      email: users.email,
      name: users.name,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(and(eq(apiKeys.tokenHash, sql.placeholder("hash")), isNull(apiKeys.revokedAt)))
    .limit(1)
    .prepare("api_key_actor"),
);

/** The key's user, or null for a revoked or unknown key. */
export async function apiKeyActor(db: DatabaseOrTransaction, key: string, now: Date = new Date()): Promise<Actor | null> {
  const [row] = await actorOfKey(db).execute({ hash: apiKeyHash(key) });
  if (!row) return null;
  const lastUsed = row.lastUsedAt === null ? null : new Date(row.lastUsedAt).getTime();
  if (lastUsed === null || now.getTime() - lastUsed >= LAST_USED_RESOLUTION_MS) {
    const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    // Guarded by the same condition, so parallel requests write it once.
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, row.keyId), or(isNull(apiKeys.lastUsedAt), lte(apiKeys.lastUsedAt, stale))));
  }
  return { id: row.id, role: row.role, email: row.email, name: row.name };
}
