// GET /api/v1/outbox[?status=pending|sending|sent|failed&limit=N] — owner: every message, newest first.
import { listOutbox, listOutboxInput } from "@/server/outbox/list-outbox";
import { apiRoute } from "../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  query: listOutboxInput,
  handle: async ({ db, actor, query }) => ({ messages: await listOutbox({ db, actor, input: query }) }),
});
