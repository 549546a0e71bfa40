// A freed place goes to the waitlist, in the transaction that freed it
// (invariant 8): the first waitlisted members, in the order they asked, who
// hold nothing else at that time, take the free places — unless the class
// starts within the studio's cut-off (waitlistCutoffMinutes, default 2 h),
// when nobody is promoted at such short notice. A promoted member leaves
// the waitlists of other classes at the same time, and is told.
// Call it with the class locked (lockClass()).
import { sql } from "drizzle-orm";
import type { Actor } from "@/auth/actor";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { classEnrolments } from "@/db/schema";
import { promotesNow } from "@/domain/enrolment";
import { enqueueClassPlaceMessages } from "../messages/class-messages";
import { memberBusy, type LockedClass } from "./class-sql";

/** The enrolments promoted (ids, in waitlist order). */
export async function promoteWaitlist(
  tx: DatabaseOrTransaction,
  locked: Pick<LockedClass, "id" | "startsAt" | "endsAt" | "status">,
  options: { now: Date; cutoffMinutes: number; by: Pick<Actor, "id" | "name" | "role"> | null },
): Promise<string[]> {
  if (locked.status !== "scheduled" || !promotesNow(locked.startsAt, options.cutoffMinutes, options.now)) return [];
  const now = sql`${options.now.toISOString()}::timestamptz`;
  const rows = await selectRows<{ id: string }>(
    tx,
    sql`WITH free AS (SELECT greatest(capacity - places_taken, 0) AS places FROM training_sessions WHERE id = ${locked.id}),
        chosen AS (
          SELECT w.id, w.queue_seq FROM ${classEnrolments} w
          WHERE w.class_id = ${locked.id} AND w.status = 'waitlisted'
            AND NOT ${memberBusy(sql`w.member_id`, sql`w.starts_at`, sql`w.ends_at`, sql`w.class_id`)}
          ORDER BY w.queue_seq
          LIMIT (SELECT places FROM free)),
        promoted AS (
          UPDATE ${classEnrolments} p SET status = 'confirmed', promoted_at = ${now}, updated_at = ${now}
          FROM chosen WHERE p.id = chosen.id
          RETURNING p.id, p.member_id, p.starts_at, p.ends_at, chosen.queue_seq),
        left_elsewhere AS (
          UPDATE ${classEnrolments} o SET status = 'cancelled', cancel_cause = 'promoted_elsewhere', cancelled_at = ${now}, updated_at = ${now}
          FROM promoted WHERE o.member_id = promoted.member_id AND o.id <> promoted.id AND o.status = 'waitlisted'
            AND o.starts_at < promoted.ends_at AND o.ends_at > promoted.starts_at
          RETURNING 1)
        SELECT id FROM promoted ORDER BY queue_seq`,
  );
  const ids = rows.map((row) => row.id);
  await enqueueClassPlaceMessages(tx, ids, { confirmedKind: "class_promoted", cutoffMinutes: options.cutoffMinutes, by: options.by });
  return ids;
}
