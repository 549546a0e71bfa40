// POST /api/v1/sessions/:id/cancel { reason? } — cancel one session (its
// member before it starts, its coach or the owner any time it is scheduled).
import { z } from "zod";
import { cancelSession, cancelSessionBody } from "@/server/sessions/cancel-session";
import { apiRoute } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  params: z.object({ id: z.string() }),
  body: cancelSessionBody,
  handle: async ({ db, actor, params, body }) => ({
    session: await cancelSession({ db, actor, input: { id: params.id, ...body } }),
  }),
});
