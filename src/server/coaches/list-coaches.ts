// Every coach, by name, with what a client needs to book them: the effective
// zone (their own, else BUSINESS_TIMEZONE), minimum notice and default
// session length. Any signed-in user; no emails (members see this list).
import { asc, eq, sql } from "drizzle-orm";
import type { Actor } from "@/auth/current-actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { coachSettings, users } from "@/db/schema";
import { businessTimeZone } from "../config";
import type { CoachRecord } from "./find-coach";

export type CoachView = CoachRecord;

export async function listCoaches(options: { db: DatabaseOrTransaction; actor: Actor | null }): Promise<CoachView[]> {
  assertCan(options.actor, "coaches:list");
  // The same effective values as findCoach().
  const rows = await options.db
    .select({
      id: users.id,
      name: users.name,
      timezone: sql<string>`coalesce(${coachSettings.timezone}, ${businessTimeZone()})`,
      minimumNoticeMinutes: sql<number>`coalesce(${coachSettings.minimumNoticeMinutes}, 120)`,
      defaultDuration: sql<number>`coalesce(${coachSettings.defaultDuration}, 60)`,
    })
    .from(users)
    .leftJoin(coachSettings, eq(coachSettings.coachId, users.id))
    .where(eq(users.role, "coach"))
    .orderBy(asc(users.name), asc(users.id));
  return rows.map((row) => ({
    ...row,
    minimumNoticeMinutes: Number(row.minimumNoticeMinutes),
    defaultDuration: Number(row.defaultDuration),
  }));
}
