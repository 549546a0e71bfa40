// Changes to one coach's availability queue behind each other: each takes
// this lock first, inside its transaction, so two changes at once never
// report (or cancel) sessions against a half-applied calendar. FOR NO KEY
// UPDATE on the coach's users row does not block inserts that reference the
// coach (bookings take FOR KEY SHARE).
import { sql } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db";

export async function lockCoachCalendar(tx: DatabaseOrTransaction, coachId: string): Promise<void> {
  await tx.execute(sql`SELECT id FROM users WHERE id = ${coachId} FOR NO KEY UPDATE`);
}
