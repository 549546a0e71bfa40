// POST /api/v1/standing-places/:id/cancel — end a standing place; its upcoming places are given up (and go to the waitlists).
import { z } from "zod";
import { cancelStandingPlace } from "@/server/classes/cancel-standing-place";
import { apiRoute } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  params: z.object({ id: z.string() }),
  body: z.strictObject({}),
  handle: ({ db, actor, params }) => cancelStandingPlace({ db, actor, input: { id: params.id } }),
});
