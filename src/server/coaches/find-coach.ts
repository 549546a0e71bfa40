// A coach and the settings every calendar computation needs: the effective
// time zone (their own, else BUSINESS_TIMEZONE), minimum notice and default
// session length. findCoach answers null when the id is not a coach's;
// callers choose 400 (a coachId field in a body) or 404 (a coach in the path).
import { and, asc, eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db";
import { coachSettings, users } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { z } from "zod";
import { businessTimeZone } from "../config";
import { recordId, timeZoneName } from "../view-fields";

export const coachRecordSchema = z
  .strictObject({
    id: recordId,
    name: z.string(),
    timezone: timeZoneName.describe("The coach's effective zone (their own, else the business zone)."),
    minimumNoticeMinutes: z.number().int().describe("How long before a session a member may still book it."),
    defaultDuration: z.number().int().describe("Default session length in minutes (the slots' default)."),
  })
  .describe("A coach as every signed-in user sees them (no e-mail).");

export type CoachRecord = z.infer<typeof coachRecordSchema>;

/**
 * The one rule for a coach's time zone, in SQL: their own
 * (coach_settings.timezone), else BUSINESS_TIMEZONE. `timezone` is the
 * column of coach_settings as the query joins it (the table, or an alias()
 * of it); `businessZone` a value or a prepared statement's placeholder.
 */
export function effectiveCoachTimeZone(
  timezone: SQLWrapper = coachSettings.timezone,
  businessZone: unknown = businessTimeZone(),
): SQL<string> {
  return sql<string>`coalesce(${timezone}, ${businessZone}::text)`;
}

/** Coaches matching `where`, by name: the one place that decides the effective settings. */
export async function selectCoaches(db: DatabaseOrTransaction, where?: SQL): Promise<CoachRecord[]> {
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      timezone: effectiveCoachTimeZone(),
      minimumNoticeMinutes: sql<number>`coalesce(${coachSettings.minimumNoticeMinutes}, 120)`,
      defaultDuration: sql<number>`coalesce(${coachSettings.defaultDuration}, 60)`,
    })
    .from(users)
    .leftJoin(coachSettings, eq(coachSettings.coachId, users.id))
    .where(and(eq(users.role, "coach"), where))
    .orderBy(asc(users.name), asc(users.id));
  return rows.map((row) => ({
    ...row,
    minimumNoticeMinutes: Number(row.minimumNoticeMinutes),
    defaultDuration: Number(row.defaultDuration),
  }));
}

export async function findCoach(db: DatabaseOrTransaction, coachId: string): Promise<CoachRecord | null> {
  const [coach] = await selectCoaches(db, eq(users.id, coachId));
  return coach ?? null;
}

/** The coach named in a URL path: 404 when there is none. */
export async function requireCoach(db: DatabaseOrTransaction, coachId: string): Promise<CoachRecord> {
  const coach = await findCoach(db, coachId);
  if (!coach) throw new AppError("not_found", `No coach with id ${coachId}`);
  return coach;
}
