"use server";
// Server actions of the account page: create and revoke the signed-in user's
// personal API keys. Each calls one use case; the password change goes to
// better-auth from the browser (it replaces the session cookie).
import { createApiKey } from "@/server/api-keys/create-api-key";
import { revokeApiKey } from "@/server/api-keys/revoke-api-key";
import { runAction } from "./action-result";

export async function createApiKeyAction(input: { name: string }) {
  return runAction("createApiKey", ({ db, actor }) => createApiKey({ db, actor, input }));
}

export async function revokeApiKeyAction(input: { id: string }) {
  return runAction("revokeApiKey", ({ db, actor }) => revokeApiKey({ db, actor, input }));
}
