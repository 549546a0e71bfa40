// GET /api/v1/outbox/:id — owner: one message as its recipient sees it (text, HTML, .ics).
import { z } from "zod";
import { getOutboxMessage } from "@/server/outbox/get-outbox-message";
import { apiRoute } from "../../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  params: z.object({ id: z.string() }),
  handle: async ({ db, actor, params }) => ({ message: await getOutboxMessage({ db, actor, input: { id: params.id } }) }),
});
