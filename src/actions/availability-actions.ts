"use server";
// Server actions for a coach's availability (the coach's own, or any coach's
// for the owner): the weekly rules, one-off extra windows, time off, and the
// booking settings. Each calls one use case and answers an ActionResult; the
// forms' wall-clock dates and times become instants on the way in
// (wall-clock-window.ts). No rule lives here.
import { createAvailabilityAddition } from "@/server/availability/create-availability-addition";
import { createBlockedSlot } from "@/server/availability/create-blocked-slot";
import {
  deleteAvailabilityAddition,
  type DeleteAvailabilityAdditionInput,
} from "@/server/availability/delete-availability-addition";
import { deleteBlockedSlot, type DeleteBlockedSlotInput } from "@/server/availability/delete-blocked-slot";
import { previewBlockedSlot } from "@/server/availability/preview-blocked-slot";
import {
  replaceWeeklyAvailability,
  type ReplaceWeeklyAvailabilityInput,
} from "@/server/availability/replace-weekly-availability";
import { updateCoachSettings, type UpdateCoachSettingsInput } from "@/server/coaches/update-coach-settings";
import { runAction, runActionWith } from "./action-result";
import { windowInstants, type WallClockWindowInput } from "./wall-clock-window";

/** A window typed as wall-clock dates and times, for one coach. */
export interface CoachWindowInput extends WallClockWindowInput {
  coachId: string;
  reason?: string;
}

export async function replaceWeeklyAvailabilityAction(input: ReplaceWeeklyAvailabilityInput) {
  return runAction("replaceWeeklyAvailability", ({ db, actor }) => replaceWeeklyAvailability({ db, actor, input }));
}

export async function createAvailabilityAdditionAction(input: CoachWindowInput) {
  return runActionWith("createAvailabilityAddition", input, ({ db, actor }, { coachId, reason, ...window }) =>
    createAvailabilityAddition({ db, actor, input: { coachId, reason, ...windowInstants(window) } }),
  );
}

export async function deleteAvailabilityAdditionAction(input: DeleteAvailabilityAdditionInput) {
  return runAction("deleteAvailabilityAddition", ({ db, actor }) => deleteAvailabilityAddition({ db, actor, input }));
}

/** The sessions this time off would hit; writes nothing. */
export async function previewTimeOffAction(input: CoachWindowInput) {
  return runActionWith("previewBlockedSlot", input, ({ db, actor }, { coachId, reason, ...window }) =>
    previewBlockedSlot({ db, actor, input: { coachId, reason, ...windowInstants(window) } }),
  );
}

export async function createTimeOffAction(input: CoachWindowInput & { cancelAffected: boolean }) {
  return runActionWith("createBlockedSlot", input, ({ db, actor }, { coachId, reason, cancelAffected, ...window }) =>
    createBlockedSlot({ db, actor, input: { coachId, reason, cancelAffected, ...windowInstants(window) } }),
  );
}

export async function deleteTimeOffAction(input: DeleteBlockedSlotInput) {
  return runAction("deleteBlockedSlot", ({ db, actor }) => deleteBlockedSlot({ db, actor, input }));
}

export async function updateCoachSettingsAction(input: UpdateCoachSettingsInput) {
  return runAction("updateCoachSettings", ({ db, actor }) => updateCoachSettings({ db, actor, input }));
}
