// GET /api/v1/coaches/:coachId/slots?from=YYYY-MM-DD&to=YYYY-MM-DD[&duration=60]
// — any signed-in user: { coachId, timezone, duration, slots: [{ startsAt, endsAt }] }.
import { z } from "zod";
import { listFreeSlotsJson, listFreeSlotsQuery, readFreeTime } from "@/server/availability/list-free-slots";
import { apiRoute } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  params: z.object({ coachId: z.string() }),
  query: listFreeSlotsQuery,
  // Free time is readable by every signed-in user: read it while the session is looked up.
  preload: ({ db, params, query }) => readFreeTime(db, { ...query, coachId: params.coachId }),
  handle: ({ db, actor, params, query, preloaded }) =>
    listFreeSlotsJson({ db, actor, input: { ...query, coachId: params.coachId }, freeTime: preloaded }),
});
