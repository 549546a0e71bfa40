// GET /api/v1/coaches/:coachId/slots?from=YYYY-MM-DD&to=YYYY-MM-DD[&duration=60]
// — any signed-in user: { coachId, timezone, duration, slots: [{ startsAt, endsAt }] }.
import { z } from "zod";
import { listFreeSlots, listFreeSlotsQuery } from "@/server/availability/list-free-slots";
import { apiRoute } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  params: z.object({ coachId: z.string() }),
  query: listFreeSlotsQuery,
  handle: ({ db, actor, params, query }) => listFreeSlots({ db, actor, input: { ...query, coachId: params.coachId } }),
});
