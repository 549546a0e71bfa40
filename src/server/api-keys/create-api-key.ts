// A signed-in user creates a personal API key for a script or integration.
// The answer holds the secret: the only time it is ever shown. The key acts
// as its user with the user's role at the time of each request.
import { and, count, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { apiKeys, users } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { MAX_NAME_LENGTH } from "@/domain/limits";
import { parseInput } from "../validation";
import { apiKeyColumns, apiKeyView, type ApiKeyView } from "./api-key-view";
import { newApiKeySecret } from "./api-key-token";

/** Active keys one user may hold: plenty for integrations, bounded for the table. */
export const MAX_ACTIVE_API_KEYS = 25;

export const createApiKeyInput = z.strictObject({
  name: z
    .string({ error: "Required: a name to recognise the key by" })
    .trim()
    .min(1, "Must not be empty")
    .max(MAX_NAME_LENGTH, `At most ${MAX_NAME_LENGTH} characters`),
});

export async function createApiKey({
  db,
  actor,
  input,
  now = new Date(),
}: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: z.input<typeof createApiKeyInput>;
  now?: Date;
}): Promise<{ apiKey: ApiKeyView; key: string }> {
  assertCan(actor, "api-keys:manage");
  const { name } = parseInput(createApiKeyInput, input);
  const { secret, prefix, tokenHash } = newApiKeySecret();
  const row = await db.transaction(async (tx) => {
    // The user's row locked first: two creations at once count one after the
    // other, so the limit cannot be passed by sending them together.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.id)).for("update");
    const [active] = await tx
      .select({ count: count() })
      .from(apiKeys)
      .where(and(eq(apiKeys.userId, actor.id), isNull(apiKeys.revokedAt)));
    if ((active?.count ?? 0) >= MAX_ACTIVE_API_KEYS) {
      throw new AppError("conflict", `You already have ${MAX_ACTIVE_API_KEYS} active API keys; revoke one first`);
    }
    const [inserted] = await tx
      .insert(apiKeys)
      .values({ userId: actor.id, name, prefix, tokenHash, createdAt: now })
      .returning(apiKeyColumns);
    return inserted!;
  });
  return { apiKey: apiKeyView(row), key: secret };
}
