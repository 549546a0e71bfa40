// The signed-in user's own API keys, newest first, revoked ones included (with
// when): never the secret.
import { desc, eq } from "drizzle-orm";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { apiKeys } from "@/db/schema";
import { apiKeyColumns, apiKeyView, type ApiKeyView } from "./api-key-view";

export async function listApiKeys({ db, actor }: { db: DatabaseOrTransaction; actor: Actor | null }): Promise<ApiKeyView[]> {
  assertCan(actor, "api-keys:manage");
  const rows = await db
    .select(apiKeyColumns)
    .from(apiKeys)
    .where(eq(apiKeys.userId, actor.id))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(apiKeyView);
}
