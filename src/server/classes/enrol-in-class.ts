// A member takes a place in a class — or, when it is full, a place on its
// waitlist. A member enrols themself; the class's coach or the owner enrols
// a member (memberId).
//
// Capacity is the database's (invariant 8): lockClass() queues every change
// to one class's places on the class row, so the decision "a place is left"
// is read, in a fresh snapshot, after every earlier change committed; and
// the places trigger (drizzle/0009) refuses a place beyond the capacity
// whatever a caller does. 200 members enrolling at once in 12 places: 12
// confirmed, 188 waitlisted at positions 1–188 (bench --only classes).
//
// A member never holds a class place and another session or place at
// overlapping times: checked here under the member's hour locks (shared with
// one-time bookings), and confirmed places are kept apart by an exclusion
// constraint. A member who already holds something then is refused (409),
// also for the waitlist.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { EXCLUSION_VIOLATION, UNIQUE_VIOLATION, hasPostgresCode } from "@/db/errors";
import { classEnrolments } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { recordId } from "../fields";
import { resolveBookingMember } from "../bookings/booking-parties";
import { enqueueClassPlaceMessages } from "../messages/class-messages";
import { assertMayBookUnverified } from "../studio-settings/verified-email";
import { parseInput } from "../validation";
import { lockClass, memberBusy, waitlistCutoffMinutes } from "./class-sql";

export const enrolInClassBody = z.strictObject({
  /** Only when the class's coach or the owner enrols a member. */
  memberId: recordId.optional(),
});

export const enrolInClassInput = enrolInClassBody.extend({ classId: recordId });
export type EnrolInClassInput = z.input<typeof enrolInClassInput>;

export interface Enrolled {
  enrolment: { id: string; status: "confirmed" | "waitlisted"; position?: number };
}

export async function enrolInClass(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: EnrolInClassInput;
  now?: Date;
}): Promise<Enrolled> {
  const { actor, db } = options;
  assertCan(actor, "classes:enrol");
  const input = parseInput(enrolInClassInput, options.input);
  const now = options.now ?? new Date();
  const [found] = await selectRows<{ coach_id: string }>(db, sql`SELECT coach_id FROM training_sessions WHERE id = ${input.classId} AND type = 'GROUP'`);
  if (!found) throw new AppError("not_found", `No class with id ${input.classId}`);
  const member = await resolveBookingMember(db, actor, { coachId: found.coach_id, memberId: input.memberId });
  await assertMayBookUnverified(db, actor);
  const cutoffMinutes = await waitlistCutoffMinutes(db);

  try {
    return await db.transaction(async (tx) => {
      const locked = await lockClass(tx, input.classId, [member.id]);
      if (!locked) throw new AppError("not_found", `No class with id ${input.classId}`);
      if (locked.status !== "scheduled") throw new AppError("conflict", `The class is ${locked.status}`);
      if (locked.startsAt <= now) throw new AppError("conflict", `The class started at ${locked.startsAt.toISOString()}`);

      const [row] = await selectRows<{ problem: string | null; id: string | null; status: "confirmed" | "waitlisted" | null; position: number | null }>(
        tx,
        sql`WITH verdict AS (
              SELECT CASE
                WHEN EXISTS (SELECT 1 FROM ${classEnrolments} WHERE class_id = ${locked.id} AND member_id = ${member.id}
                               AND status IN ('confirmed', 'waitlisted')) THEN 'already'
                WHEN ${memberBusy(sql`${member.id}::text`, sql`${locked.startsAt.toISOString()}::timestamptz`, sql`${locked.endsAt.toISOString()}::timestamptz`, sql`${locked.id}::text`)} THEN 'busy'
              END AS problem,
              -- decided in TypeScript: two untyped parameters compared in SQL compare as text, where 2 < 12 is false
              ${locked.placesTaken < locked.capacity ? "confirmed" : "waitlisted"}::enrolment_status AS place),
            placed AS (
              INSERT INTO ${classEnrolments} (class_id, member_id, status, starts_at, ends_at, created_at, updated_at)
              SELECT ${locked.id}, ${member.id}, place, ${locked.startsAt.toISOString()}::timestamptz, ${locked.endsAt.toISOString()}::timestamptz,
                     ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
              FROM verdict WHERE problem IS NULL
              RETURNING id, status)
            SELECT verdict.problem, placed.id, placed.status::text AS status,
                   CASE WHEN placed.status = 'waitlisted'
                     THEN (SELECT count(*)::int + 1 FROM ${classEnrolments} WHERE class_id = ${locked.id} AND status = 'waitlisted') END AS position
            FROM verdict LEFT JOIN placed ON true`,
      );
      const self = actor.role === "member";
      if (row!.problem === "already") throw new AppError("conflict", self ? "You already have a place (or a waitlist place) in this class" : "The member already has a place (or a waitlist place) in this class");
      if (row!.problem === "busy") throw new AppError("conflict", self ? "You already have a session or a class at that time" : "The member already has a session or a class at that time");

      await enqueueClassPlaceMessages(tx, [row!.id!], { cutoffMinutes, by: actor });
      const status = row!.status!;
      return { enrolment: status === "waitlisted" ? { id: row!.id!, status, position: Number(row!.position) } : { id: row!.id!, status } };
    });
  } catch (error) {
    // A double click of one member racing itself: the live place is unique per class and member.
    if (hasPostgresCode(error, UNIQUE_VIOLATION)) throw new AppError("conflict", "This member already has a place (or a waitlist place) in this class");
    if (hasPostgresCode(error, EXCLUSION_VIOLATION)) throw new AppError("conflict", "This member already has a class at that time");
    throw error;
  }
}
