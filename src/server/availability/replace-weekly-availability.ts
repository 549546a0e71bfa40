// A coach (or the owner) replaces the coach's whole week of rules in one
// transaction. The new rules are wall-clock HH:MM in the coach's zone; rules
// on one day may touch (09:00–12:00, 12:00–15:00) but not overlap.
//
// Future scheduled sessions the new week leaves outside availability (rules
// ∪ additions, the generator's definition) are reported as `affected`; with
// `cancelAffected: true` they are cancelled in the same transaction,
// otherwise they stay as they are. Bad input writes nothing.
import { z } from "zod";
import { eq } from "drizzle-orm";
import type { Actor } from "@/auth/actor";
import { assertActsForCoach, assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { weeklyAvailability } from "@/db/schema";
import { sessionViewSchema } from "../sessions/session-view";
import * as viewFields from "../view-fields";
import { requireCoach } from "../coaches/find-coach";
import { dayOfWeek, recordId, wallClockTime } from "../fields";
import { parseInput } from "../validation";
import {
  AVAILABILITY_CHANGED_REASON,
  sessionsOutsideAvailability,
  settleAffectedSessions,
} from "./affected-sessions";
import { lockCoachCalendar } from "./coach-calendar";
import { cancelAffectedFlag } from "./inputs";
import { selectWeeklyRules, weeklyRuleSchema } from "./weekly-rules";

const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export const weeklyRule = z
  .strictObject({ dayOfWeek, startTime: wallClockTime, endTime: wallClockTime })
  .superRefine((rule, context) => {
    if (HH_MM.test(String(rule.startTime)) && HH_MM.test(String(rule.endTime)) && rule.startTime >= rule.endTime) {
      context.addIssue({ code: "custom", path: ["endTime"], message: "Must be after startTime" });
    }
  });

/** The week: at most 100 rules, none overlapping another on the same day. */
const week = z
  .array(weeklyRule)
  .max(100, "At most 100 rules")
  .superRefine((rules, context) => {
    const valid = rules
      .map((rule, index) => ({ ...rule, index }))
      .filter((rule) => Number.isInteger(rule.dayOfWeek) && HH_MM.test(rule.startTime) && HH_MM.test(rule.endTime) && rule.startTime < rule.endTime)
      .sort((a, b) => a.dayOfWeek - b.dayOfWeek || a.startTime.localeCompare(b.startTime) || a.index - b.index);
    for (let i = 1; i < valid.length; i++) {
      const previous = valid[i - 1]!;
      const rule = valid[i]!;
      if (rule.dayOfWeek === previous.dayOfWeek && rule.startTime < previous.endTime) {
        // Name the later of the two in the request, pointing at the other.
        const [later, earlier] = rule.index > previous.index ? [rule, previous] : [previous, rule];
        context.addIssue({
          code: "custom",
          path: [later.index, "startTime"],
          message: `Overlaps rules.${earlier.index} (${DAY_NAMES[earlier.dayOfWeek]} ${earlier.startTime}–${earlier.endTime})`,
        });
      }
    }
  });

/** The PUT body. */
export const replaceWeeklyAvailabilityBody = z.strictObject({
  rules: week,
  cancelAffected: cancelAffectedFlag,
});

export const replaceWeeklyAvailabilityInput = replaceWeeklyAvailabilityBody.extend({ coachId: recordId });

export type ReplaceWeeklyAvailabilityInput = z.input<typeof replaceWeeklyAvailabilityInput>;

export const replaceWeeklyAvailabilityResultSchema = z.strictObject({
  coachId: viewFields.recordId,
  timezone: viewFields.timeZoneName,
  rules: z.array(weeklyRuleSchema),
  affected: z
    .array(sessionViewSchema)
    .describe("Future scheduled sessions the new week leaves outside availability (as they are now)."),
  cancelled: viewFields.count.describe("How many of them were cancelled (cancelAffected)."),
});

export type ReplaceWeeklyAvailabilityResult = z.infer<typeof replaceWeeklyAvailabilityResultSchema>;

export async function replaceWeeklyAvailability(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: ReplaceWeeklyAvailabilityInput;
  now?: Date;
}): Promise<ReplaceWeeklyAvailabilityResult> {
  const { actor, db } = options;
  assertCan(actor, "availability:manage");
  const input = parseInput(replaceWeeklyAvailabilityInput, options.input);
  assertActsForCoach(actor, input.coachId, "availability:manage");
  const coach = await requireCoach(db, input.coachId);
  const now = options.now ?? new Date();
  const scope = { coachId: coach.id, zone: coach.timezone, after: now };

  return db.transaction(async (tx) => {
    await lockCoachCalendar(tx, coach.id);
    await tx.delete(weeklyAvailability).where(eq(weeklyAvailability.coachId, coach.id));
    if (input.rules.length > 0) {
      await tx.insert(weeklyAvailability).values(input.rules.map((rule) => ({ coachId: coach.id, ...rule })));
    }

    const settled = await settleAffectedSessions(tx, {
      ids: await sessionsOutsideAvailability(tx, scope),
      cancel: input.cancelAffected ?? false,
      reason: AVAILABILITY_CHANGED_REASON,
      now,
      actor,
      cause: "availability",
    });
    return { coachId: coach.id, timezone: coach.timezone, rules: await selectWeeklyRules(tx, coach.id), ...settled };
  });
}
