// A coach's weekly rules as the API shows them: wall-clock HH:MM in the
// coach's zone, ordered by day (0 = Sunday) and start.
import { asc, eq } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db";
import { z } from "zod";
import { weeklyAvailability } from "@/db/schema";
import { dayOfWeek, wallClockTime } from "../view-fields";

export const weeklyRuleSchema = z.strictObject({ dayOfWeek, startTime: wallClockTime, endTime: wallClockTime });

export type WeeklyRuleView = z.infer<typeof weeklyRuleSchema>;

export async function selectWeeklyRules(db: DatabaseOrTransaction, coachId: string): Promise<WeeklyRuleView[]> {
  return db
    .select({
      dayOfWeek: weeklyAvailability.dayOfWeek,
      startTime: weeklyAvailability.startTime,
      endTime: weeklyAvailability.endTime,
    })
    .from(weeklyAvailability)
    .where(eq(weeklyAvailability.coachId, coachId))
    .orderBy(asc(weeklyAvailability.dayOfWeek), asc(weeklyAvailability.startTime));
}
