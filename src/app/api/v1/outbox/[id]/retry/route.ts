// POST /api/v1/outbox/:id/retry — owner: deliver a failed message again, now.
import { z } from "zod";
import { retryOutboxMessage } from "@/server/outbox/retry-outbox-message";
import { apiRoute } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  params: z.object({ id: z.string() }),
  handle: async ({ db, actor, params }) => ({ message: await retryOutboxMessage({ db, actor, input: { id: params.id } }) }),
});
