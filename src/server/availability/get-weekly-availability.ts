// A coach's weekly hours: any signed-in user (a member needs them to choose a
// time). 404 for an id that is not a coach's.
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { requireCoach } from "../coaches/find-coach";
import { recordId } from "../fields";
import { parseInput } from "../validation";
import * as viewFields from "../view-fields";
import { selectWeeklyRules, weeklyRuleSchema } from "./weekly-rules";

export const getWeeklyAvailabilityInput = z.strictObject({ coachId: recordId });

export type GetWeeklyAvailabilityInput = z.input<typeof getWeeklyAvailabilityInput>;

export const weeklyAvailabilityViewSchema = z.strictObject({
  coachId: viewFields.recordId,
  timezone: viewFields.timeZoneName.describe("The zone the HH:MM times are in."),
  rules: z.array(weeklyRuleSchema).describe("By day (0 = Sunday), then start."),
});

export type WeeklyAvailabilityView = z.infer<typeof weeklyAvailabilityViewSchema>;

export async function getWeeklyAvailability(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: GetWeeklyAvailabilityInput;
}): Promise<WeeklyAvailabilityView> {
  assertCan(options.actor, "coaches:list");
  const { coachId } = parseInput(getWeeklyAvailabilityInput, options.input);
  const coach = await requireCoach(options.db, coachId);
  return { coachId, timezone: coach.timezone, rules: await selectWeeklyRules(options.db, coachId) };
}
