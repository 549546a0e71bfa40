// GET /api/v1/classes/:id — one class; its roster (places, waitlist in order) for its coach and the owner.
import { z } from "zod";
import { getClass } from "@/server/classes/get-class";
import { apiRoute } from "../../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  params: z.object({ id: z.string() }),
  handle: ({ db, actor, params }) => getClass({ db, actor, input: { id: params.id } }),
});
