// The owner of a key revokes it: from the next request on, it answers 401.
// Someone else's key answers 404 like a missing one (nothing hints that it
// exists). Revoking a revoked key changes nothing and answers it as it is.
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { apiKeys } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { recordId } from "../fields";
import { parseInput } from "../validation";
import { apiKeyColumns, apiKeyView, type ApiKeyView } from "./api-key-view";

export const revokeApiKeyInput = z.strictObject({ id: recordId });

export async function revokeApiKey({
  db,
  actor,
  input,
  now = new Date(),
}: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: z.input<typeof revokeApiKeyInput>;
  now?: Date;
}): Promise<ApiKeyView> {
  assertCan(actor, "api-keys:manage");
  const { id } = parseInput(revokeApiKeyInput, input);
  const mine = and(eq(apiKeys.id, id), eq(apiKeys.userId, actor.id));
  const [revoked] = await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(mine, isNull(apiKeys.revokedAt)))
    .returning(apiKeyColumns);
  if (revoked) return apiKeyView(revoked);
  const [already] = await db.select(apiKeyColumns).from(apiKeys).where(mine);
  if (!already) throw new AppError("not_found", "No such API key", { id: "No API key of yours has this id" });
  return apiKeyView(already);
}
