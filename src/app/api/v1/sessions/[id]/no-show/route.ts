// POST /api/v1/sessions/:id/no-show — its coach or the owner, once it started.
import { z } from "zod";
import { markNoShow } from "@/server/sessions/mark-no-show";
import { apiRoute } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  params: z.object({ id: z.string() }),
  body: z.strictObject({}),
  handle: async ({ db, actor, params }) => ({ session: await markNoShow({ db, actor, input: { id: params.id } }) }),
});
