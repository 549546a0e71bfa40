// GET /api/v1/coaches/:coachId/weekly-availability — any signed-in user.
// PUT { rules: [{ dayOfWeek, startTime, endTime }], cancelAffected? } — the
// coach themself or the owner: replaces the whole week, reports (or cancels)
// the future sessions it leaves outside availability.
import { z } from "zod";
import { getWeeklyAvailability } from "@/server/availability/get-weekly-availability";
import {
  replaceWeeklyAvailability,
  replaceWeeklyAvailabilityBody,
} from "@/server/availability/replace-weekly-availability";
import { apiRoute } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

const params = z.object({ coachId: z.string() });

export const GET = apiRoute({
  params,
  handle: ({ db, actor, params }) => getWeeklyAvailability({ db, actor, input: { coachId: params.coachId } }),
});

export const PUT = apiRoute({
  params,
  body: replaceWeeklyAvailabilityBody,
  handle: ({ db, actor, params, body }) =>
    replaceWeeklyAvailability({ db, actor, input: { ...body, coachId: params.coachId } }),
});
