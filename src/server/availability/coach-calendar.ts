// Changes to one coach's availability queue behind each other, and bookings
// never check against a half-changed calendar:
//  - an availability change takes FOR NO KEY UPDATE on the coach's users
//    row first, inside its transaction, so two changes at once never report
//    (or cancel) sessions against a half-applied calendar;
//  - a booking takes FOR SHARE on the same row before it checks
//    availability: bookings of one coach still run side by side (shares do
//    not conflict), but a booking waits for a change in flight — and then
//    checks the new rules — while a change waits for bookings in flight, and
//    then sees their sessions in its report. A generation batch share-locks
//    all its coaches the same way (src/server/sessions/generate-sessions.ts).
// See docs/decisions/0006-lanes-and-locks.md.
import { sql } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db";
import { users } from "@/db/schema";

export async function lockCoachCalendar(tx: DatabaseOrTransaction, coachId: string): Promise<void> {
  await tx.execute(sql`SELECT ${users.id} FROM ${users} WHERE ${users.id} = ${coachId} FOR NO KEY UPDATE`);
}

export async function shareCoachCalendar(tx: DatabaseOrTransaction, coachId: string): Promise<void> {
  await tx.execute(sql`SELECT ${users.id} FROM ${users} WHERE ${users.id} = ${coachId} FOR SHARE`);
}
