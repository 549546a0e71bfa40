// How the users API shows a user: identity, role and (for coaches) the time
// zone of their weekly rules, from coach_settings. Shared by list and update.
import { eq, sql, type SQL } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db";
import { z } from "zod";
import { coachSettings, userRole, users } from "@/db/schema";
import { email, recordId, timeZoneName } from "../view-fields";

export const userRoleSchema = z.enum(userRole.enumValues);

export const userViewSchema = z.strictObject({
  id: recordId,
  email,
  name: z.string(),
  role: userRoleSchema,
  timezone: timeZoneName
    .nullable()
    .describe("A coach's own zone; null for other roles and for coaches on the business zone."),
});

export type UserView = z.infer<typeof userViewSchema>;

export async function selectUserViews(db: DatabaseOrTransaction, where?: SQL): Promise<UserView[]> {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      // A demoted coach keeps their settings row (for a later promotion), but
      // only a coach has a time zone.
      timezone: sql<string | null>`CASE WHEN ${users.role} = 'coach' THEN ${coachSettings.timezone} END`,
    })
    .from(users)
    .leftJoin(coachSettings, eq(coachSettings.coachId, users.id))
    .where(where)
    .orderBy(users.name, users.email);
}
