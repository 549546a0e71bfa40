// POST /api/v1/conflicts/:id/resolve { action: "dismiss" | "retry", note? }
// → { conflict, session } (session: the one a retry placed, else null).
import { z } from "zod";
import { resolveConflict, resolveConflictBody } from "@/server/conflicts/resolve-conflict";
import { apiRoute } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  params: z.object({ id: z.string() }),
  body: resolveConflictBody,
  handle: async ({ db, actor, params, body }) => resolveConflict({ db, actor, input: { id: params.id, ...body } }),
});
