// How the API shows a class and a place in it. A class: its time, title,
// coach, capacity, places held ("confirmed": confirmed, attended and
// no-show places — what counts against the capacity), how many wait, and
// the caller's own place. A place (enrolment): its member, status and,
// while waitlisted, its 1-based position.
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { classEnrolments, coachSettings, trainingSessions, users } from "@/db/schema";
import { enrolmentCancelCauses, enrolmentStatuses, type EnrolmentCancelCause, type EnrolmentStatus } from "@/domain/enrolment";
import { alias } from "drizzle-orm/pg-core";
import { sessionStatuses } from "@/domain/session-status";
import { effectiveCoachTimeZone } from "../coaches/find-coach";
import { coachRef, count, instant, memberRef, recordId } from "../view-fields";
import { waitlistPosition } from "./class-sql";

export const myEnrolmentSchema = z
  .strictObject({
    id: recordId,
    status: z.enum(enrolmentStatuses),
    position: z.number().int().min(1).nullable().describe("1-based place on the waitlist; null unless waitlisted."),
  })
  .describe("The caller's own place in the class (not a cancelled one).");

export const classViewSchema = z
  .strictObject({
    id: recordId,
    title: z.string(),
    startsAt: instant,
    endsAt: instant,
    status: z.enum(sessionStatuses),
    coach: coachRef,
    capacity: count,
    confirmed: count.describe("Places held: confirmed, attended and no-show enrolments."),
    waitlisted: count,
    placesLeft: count,
    seriesId: recordId.nullable().describe("The class series it belongs to; null for a one-off class."),
    cancellationReason: z.string().nullable(),
    myEnrolment: myEnrolmentSchema.nullable(),
  })
  .describe("A group class: one coach, a capacity, places and a waitlist.");

export type ClassView = z.infer<typeof classViewSchema>;

export const enrolmentViewSchema = z
  .strictObject({
    id: recordId,
    classId: recordId,
    member: memberRef,
    status: z.enum(enrolmentStatuses),
    position: z.number().int().min(1).nullable().describe("1-based place on the waitlist; null unless waitlisted."),
    standingPlaceId: recordId.nullable(),
    cancelCause: z.enum(enrolmentCancelCauses).nullable(),
    createdAt: instant,
    cancelledAt: instant.nullable(),
    promotedAt: instant.nullable(),
  })
  .describe("A member's place in a class: confirmed, waitlisted (with its position), cancelled, attended or no-show.");

export type EnrolmentView = z.infer<typeof enrolmentViewSchema>;

const s = alias(trainingSessions, "class_s");
const coach = alias(users, "class_coach");
const cs = alias(coachSettings, "class_cs");
const me = alias(classEnrolments, "class_me");
const w = alias(classEnrolments, "class_w");

interface ClassRow {
  id: string;
  title: string | null;
  starts_at: string | Date;
  ends_at: string | Date;
  status: ClassView["status"];
  coach_id: string;
  coach_name: string;
  coach_zone: string;
  capacity: number;
  places_taken: number;
  waitlisted: number;
  series_id: string | null;
  cancellation_reason: string | null;
  my_id: string | null;
  my_status: EnrolmentStatus | null;
  my_position: number | null;
}

/** Classes matching `where` (on alias `classAlias`), by start; `viewerId`'s own place in each. */
export async function selectClassViews(
  db: DatabaseOrTransaction,
  where: (t: typeof s) => SQL,
  viewerId: string | null,
  limit = 1000,
): Promise<ClassView[]> {
  const rows = await selectRows<ClassRow>(
    db,
    sql`SELECT ${s.id} AS id, ${s.title} AS title, ${s.startsAt} AS starts_at, ${s.endsAt} AS ends_at, ${s.status} AS status,
               ${s.coachId} AS coach_id, ${coach.name} AS coach_name, ${effectiveCoachTimeZone(cs.timezone)} AS coach_zone,
               ${s.capacity} AS capacity, ${s.placesTaken} AS places_taken,
               (SELECT count(*)::int FROM ${classEnrolments} ${w} WHERE ${w.classId} = ${s.id} AND ${w.status} = 'waitlisted') AS waitlisted,
               ${s.recurringBookingId} AS series_id, ${s.cancellationReason} AS cancellation_reason,
               mine.id AS my_id, mine.status AS my_status, mine.position AS my_position
        FROM ${trainingSessions} ${s}
        JOIN ${users} ${coach} ON ${coach.id} = ${s.coachId}
        LEFT JOIN ${coachSettings} ${cs} ON ${cs.coachId} = ${s.coachId}
        LEFT JOIN LATERAL (
          SELECT ${me.id} AS id, ${me.status}::text AS status, ${waitlistPosition(me)} AS position
          FROM ${classEnrolments} ${me}
          WHERE ${me.classId} = ${s.id} AND ${me.memberId} = ${viewerId} AND ${me.status} <> 'cancelled'
          ORDER BY ${me.queueSeq} DESC LIMIT 1) mine ON true
        WHERE ${s.type} = 'GROUP' AND ${where(s)}
        ORDER BY ${s.startsAt}, ${s.id}
        LIMIT ${limit}`,
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title ?? "",
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    status: row.status,
    coach: { id: row.coach_id, name: row.coach_name, timezone: row.coach_zone },
    capacity: Number(row.capacity),
    confirmed: Number(row.places_taken),
    waitlisted: Number(row.waitlisted),
    placesLeft: Math.max(0, Number(row.capacity) - Number(row.places_taken)),
    seriesId: row.series_id,
    cancellationReason: row.cancellation_reason,
    myEnrolment: row.my_id ? { id: row.my_id, status: row.my_status!, position: row.my_position === null ? null : Number(row.my_position) } : null,
  }));
}

const e = alias(classEnrolments, "roster_e");
const m = alias(users, "roster_m");

interface EnrolmentRow {
  id: string;
  class_id: string;
  member_id: string;
  member_name: string;
  status: EnrolmentStatus;
  position: number | null;
  standing_place_id: string | null;
  cancel_cause: EnrolmentCancelCause | null;
  created_at: string | Date;
  cancelled_at: string | Date | null;
  promoted_at: string | Date | null;
}

/** Enrolments matching `where` (on alias e): places first, then the waitlist in order, then the rest. */
export async function selectEnrolmentViews(db: DatabaseOrTransaction, where: (enrolment: typeof e) => SQL): Promise<EnrolmentView[]> {
  const rows = await selectRows<EnrolmentRow>(
    db,
    sql`SELECT ${e.id} AS id, ${e.classId} AS class_id, ${e.memberId} AS member_id, ${m.name} AS member_name, ${e.status}::text AS status,
               ${waitlistPosition(e)} AS position, ${e.standingPlaceId} AS standing_place_id, ${e.cancelCause}::text AS cancel_cause,
               ${e.createdAt} AS created_at, ${e.cancelledAt} AS cancelled_at, ${e.promotedAt} AS promoted_at
        FROM ${classEnrolments} ${e} JOIN ${users} ${m} ON ${m.id} = ${e.memberId}
        WHERE ${where(e)}
        ORDER BY ${e.startsAt}, ${e.classId},
                 CASE ${e.status} WHEN 'confirmed' THEN 0 WHEN 'attended' THEN 0 WHEN 'no_show' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END,
                 ${e.queueSeq}`,
  );
  return rows.map(toEnrolmentView);
}

function toEnrolmentView(row: EnrolmentRow): EnrolmentView {
  const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());
  return {
    id: row.id,
    classId: row.class_id,
    member: { id: row.member_id, name: row.member_name },
    status: row.status,
    position: row.position === null ? null : Number(row.position),
    standingPlaceId: row.standing_place_id,
    cancelCause: row.cancel_cause,
    createdAt: new Date(row.created_at).toISOString(),
    cancelledAt: iso(row.cancelled_at),
    promotedAt: iso(row.promoted_at),
  };
}
