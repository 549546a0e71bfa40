// GET /api/v1/api-keys — the caller's own API keys (never the secrets).
// POST /api/v1/api-keys { name } — a new key; the answer's `key` is the secret, shown only this once.
import { createApiKey, createApiKeyInput } from "@/server/api-keys/create-api-key";
import { listApiKeys } from "@/server/api-keys/list-api-keys";
import { apiRoute } from "../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  handle: async ({ db, actor }) => ({ apiKeys: await listApiKeys({ db, actor }) }),
});

export const POST = apiRoute({
  body: createApiKeyInput,
  status: 201,
  handle: async ({ db, actor, body }) => createApiKey({ db, actor, input: body }),
});
