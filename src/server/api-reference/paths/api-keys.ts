// Personal API keys: each user creates, lists and revokes their own.
import { createApiKeyInput } from "@/server/api-keys/create-api-key";
import { ref } from "../json-schema";
import type { PathSpecs } from "../operation";

const scope = "each user their own keys; another user's key answers 404.";

export const apiKeyPaths: PathSpecs = {
  "/api/v1/api-keys": {
    get: {
      operationId: "listApiKeys",
      tag: "api-keys",
      summary: "Your personal API keys",
      description: "Newest first, revoked ones included (with `revokedAt`). Never the secret: only its first characters (`prefix`).",
      access: { permission: "api-keys:manage", scope },
      success: {
        status: 200,
        description: "Your keys.",
        schema: { type: "object", properties: { apiKeys: { type: "array", items: ref("ApiKeyView") } }, required: ["apiKeys"] },
      },
      errors: {},
    },
    post: {
      operationId: "createApiKey",
      tag: "api-keys",
      summary: "Create a personal API key",
      description:
        "The answer's `key` (`cb_…`) is the secret, shown only this once; only its SHA-256 is kept. Send it as `Authorization: Bearer cb_…`: it acts as you, with your role at the time of each request, until revoked. At most 25 active keys per user.",
      access: { permission: "api-keys:manage", scope },
      body: { name: "CreateApiKeyInput", schema: createApiKeyInput, example: { name: "Reporting script" } },
      success: {
        status: 201,
        description: "The key, and its secret.",
        schema: {
          type: "object",
          properties: {
            apiKey: ref("ApiKeyView"),
            key: { type: "string", pattern: "^cb_[A-Za-z0-9_-]{43}$", description: "The secret: store it now, it is never shown again." },
          },
          required: ["apiKey", "key"],
        },
      },
      errors: { 400: "`name` missing, empty or longer than 100 characters, or an unknown field.", 409: "You already have 25 active keys." },
    },
  },
  "/api/v1/api-keys/{id}": {
    delete: {
      operationId: "revokeApiKey",
      tag: "api-keys",
      summary: "Revoke one of your API keys",
      description: "From the next request on, the key answers 401. Revoking a revoked key changes nothing.",
      access: { permission: "api-keys:manage", scope },
      path: { id: "The key's id." },
      success: {
        status: 200,
        description: "The key as revoked.",
        schema: { type: "object", properties: { apiKey: ref("ApiKeyView") }, required: ["apiKey"] },
      },
      errors: { 404: "You have no key with this id." },
    },
  },
};
