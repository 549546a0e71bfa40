// POST /api/v1/classes/:id/cancel { reason? } — cancel one class; its places and waitlist end and everyone is told.
import { z } from "zod";
import { cancelClass, cancelClassBody } from "@/server/classes/cancel-class";
import { apiRoute } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  params: z.object({ id: z.string() }),
  body: cancelClassBody,
  handle: ({ db, actor, params, body }) => cancelClass({ db, actor, input: { id: params.id, ...body } }),
});
