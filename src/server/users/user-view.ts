// How the users API shows a user: identity, role and (for coaches) the time
// zone of their weekly rules, from coach_settings. Shared by list and update.
import { eq, sql, type SQL } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db";
import { coachSettings, users, type UserRole } from "@/db/schema";

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** IANA zone from coach_settings; null when the user has none (business zone applies to coaches). */
  timezone: string | null;
}

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
