// POST /api/v1/class-series/:id/cancel — end a class series: its upcoming classes are cancelled, its standing places end.
import { z } from "zod";
import { cancelClassSeries } from "@/server/classes/cancel-class-series";
import { apiRoute } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  params: z.object({ id: z.string() }),
  body: z.strictObject({}),
  handle: ({ db, actor, params }) => cancelClassSeries({ db, actor, input: { id: params.id } }),
});
