// GET /api/v1/studio-settings — everyone signed in: { settings: { bookingWindowDays, requireVerifiedEmail, waitlistCutoffMinutes, updatedAt } }.
// PATCH /api/v1/studio-settings { bookingWindowDays?: 1..3650, requireVerifiedEmail?, waitlistCutoffMinutes?: 0..10080 } — owner only, at least one.
import { getStudioSettings } from "@/server/studio-settings/get-studio-settings";
import { updateStudioSettings, updateStudioSettingsInput } from "@/server/studio-settings/update-studio-settings";
import { apiRoute } from "../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  handle: async ({ db, actor }) => ({ settings: await getStudioSettings({ db, actor }) }),
});

export const PATCH = apiRoute({
  body: updateStudioSettingsInput,
  handle: async ({ db, actor, body }) => ({ settings: await updateStudioSettings({ db, actor, input: body }) }),
});
