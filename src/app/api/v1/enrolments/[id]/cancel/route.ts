// POST /api/v1/enrolments/:id/cancel — give up a place or a waitlist place; a freed place goes to the first on the waitlist.
import { z } from "zod";
import { cancelEnrolment } from "@/server/classes/cancel-enrolment";
import { apiRoute } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  params: z.object({ id: z.string() }),
  body: z.strictObject({}),
  handle: ({ db, actor, params }) => cancelEnrolment({ db, actor, input: { id: params.id } }),
});
