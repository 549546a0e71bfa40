// A coach's weekly rules as the API shows them: wall-clock HH:MM in the
// coach's zone, ordered by day (0 = Sunday) and start.
import { asc, eq } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db";
import { weeklyAvailability } from "@/db/schema";

export interface WeeklyRuleView {
  dayOfWeek: number;
  startTime: string;
  endTime: string;
}

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
