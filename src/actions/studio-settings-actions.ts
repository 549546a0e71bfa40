"use server";
// Server action for the studio's settings (the owner's settings page): calls
// one use case and answers an ActionResult; no rule lives here.
import { updateStudioSettings, type UpdateStudioSettingsInput } from "@/server/studio-settings/update-studio-settings";
import { runAction } from "./action-result";

export async function updateStudioSettingsAction(input: UpdateStudioSettingsInput) {
  return runAction("updateStudioSettings", ({ db, actor }) => updateStudioSettings({ db, actor, input }));
}
