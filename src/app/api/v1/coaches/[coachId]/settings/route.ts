// PATCH /api/v1/coaches/:coachId/settings { minimumNoticeMinutes?, defaultDuration? } — the coach or the owner.
import { z } from "zod";
import { updateCoachSettings, updateCoachSettingsBody } from "@/server/coaches/update-coach-settings";
import { apiRoute } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute({
  params: z.object({ coachId: z.string() }),
  body: updateCoachSettingsBody,
  handle: async ({ db, actor, params, body }) => ({
    coach: await updateCoachSettings({ db, actor, input: { coachId: params.coachId, ...body } }),
  }),
});
