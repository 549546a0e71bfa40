// DELETE /api/v1/api-keys/:id — revoke one of the caller's own keys (another user's: 404).
import { z } from "zod";
import { revokeApiKey } from "@/server/api-keys/revoke-api-key";
import { apiRoute } from "../../../_lib/route";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute({
  params: z.object({ id: z.string() }),
  handle: async ({ db, actor, params }) => ({ apiKey: await revokeApiKey({ db, actor, input: { id: params.id } }) }),
});
