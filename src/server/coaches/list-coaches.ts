// Every coach, by name, with what a client needs to book them: the effective
// zone (their own, else BUSINESS_TIMEZONE), minimum notice and default
// session length. Any signed-in user; no emails (members see this list).
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { coachRecordSchema, selectCoaches, type CoachRecord } from "./find-coach";

/** A coach as listed: the shape selectCoaches() answers (find-coach.ts). */
export const coachViewSchema = coachRecordSchema;
export type CoachView = CoachRecord;

export async function listCoaches(options: { db: DatabaseOrTransaction; actor: Actor | null }): Promise<CoachView[]> {
  assertCan(options.actor, "coaches:list");
  return selectCoaches(options.db);
}
