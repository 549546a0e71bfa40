// A coach's booking settings: how far ahead members must book (minimum
// notice, minutes) and the default session length (minutes). The coach
// changes their own, the owner any coach's. The time zone is not here: it
// changes what every weekly rule and series means, so only the owner sets it
// (PATCH /api/v1/users/:id).
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertActsForCoach } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { coachSettings } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { recordId } from "../fields";
import { parseInput } from "../validation";
import { requireCoach, type CoachRecord } from "./find-coach";

/** The PATCH body. */
export const updateCoachSettingsBody = z.strictObject({
  minimumNoticeMinutes: z
    .number()
    .int("Must be a whole number of minutes")
    .min(0, "Must be 0 (no notice) or more")
    .max(10_080, "At most 10080 minutes (7 days)")
    .optional(),
  defaultDuration: z
    .number()
    .int("Must be a whole number of minutes")
    .min(15, "At least 15 minutes")
    .max(480, "At most 480 minutes (8 hours)")
    .multipleOf(15, "Must be a multiple of 15 minutes")
    .optional(),
});

export const updateCoachSettingsInput = updateCoachSettingsBody.extend({ coachId: recordId });

export type UpdateCoachSettingsInput = z.input<typeof updateCoachSettingsInput>;

export async function updateCoachSettings(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: UpdateCoachSettingsInput;
}): Promise<CoachRecord> {
  const { actor, db } = options;
  const input = parseInput(updateCoachSettingsInput, options.input);
  assertActsForCoach(actor, input.coachId, "availability:manage");
  const coach = await requireCoach(db, input.coachId);
  const changes = {
    ...(input.minimumNoticeMinutes === undefined ? {} : { minimumNoticeMinutes: input.minimumNoticeMinutes }),
    ...(input.defaultDuration === undefined ? {} : { defaultDuration: input.defaultDuration }),
  };
  if (Object.keys(changes).length === 0) {
    throw new AppError("invalid_input", "Nothing to change: send minimumNoticeMinutes and/or defaultDuration", {
      input: "Send minimumNoticeMinutes and/or defaultDuration",
    });
  }
  await db
    .insert(coachSettings)
    .values({ coachId: coach.id, ...changes })
    .onConflictDoUpdate({ target: coachSettings.coachId, set: { ...changes, updatedAt: sql`now()` } });
  return requireCoach(db, coach.id);
}
