// How the API shows a generation conflict (DESIGN.md invariant 3): the
// occurrence a series could not place, why, and what became of it. The
// series is named by its wall-clock slot (in the coach's zone, given too),
// the occurrence by its instants (ISO UTC).
import { aliasedTable, eq, sql, type SQL } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db";
import { z } from "zod";
import { coachSettings, conflictStatus, recurringBookings, sessionConflicts, users } from "@/db/schema";
import { coachRef, conflictReasonSchema, dayOfWeek, instant, memberRef, recordId, wallClockTime } from "../view-fields";
import { effectiveCoachTimeZone } from "../coaches/find-coach";

export const conflictViewSchema = z
  .strictObject({
    id: recordId,
    series: z.strictObject({
      id: recordId,
      dayOfWeek,
      startTime: wallClockTime,
      endTime: wallClockTime,
      title: z.string().nullable().describe("A class series' title; null for a member's series."),
    }),
    member: memberRef.nullable().describe("The member of the series; null for a class series."),
    coach: coachRef,
    startsAt: instant,
    endsAt: instant,
    reason: conflictReasonSchema,
    status: z.enum(conflictStatus.enumValues),
    resolution: z
      .string()
      .nullable()
      .describe('Once resolved: "placed" or "dismissed" (then ": <note>" when given), "skipped when booking" or "series cancelled".'),
    detectedAt: instant,
    resolvedAt: instant.nullable(),
  })
  .describe("An occurrence a series could not place (generation conflict), and what became of it.");

export type ConflictView = z.infer<typeof conflictViewSchema>;

const coach = aliasedTable(users, "conflict_coach");
const member = aliasedTable(users, "conflict_member");

/** Conflicts matching `where`, by occurrence start. */
export async function selectConflictViews(db: DatabaseOrTransaction, where: SQL | undefined): Promise<ConflictView[]> {
  const rows = await db
    .select({
      id: sessionConflicts.id,
      seriesId: recurringBookings.id,
      dayOfWeek: recurringBookings.dayOfWeek,
      startTime: recurringBookings.startTime,
      endTime: recurringBookings.endTime,
      title: recurringBookings.title,
      memberId: sessionConflicts.memberId,
      // A subquery, not a left join: drizzle types a left join of a second alias of users as never.
      memberName: sql<string | null>`(SELECT ${member.name} FROM ${users} ${member} WHERE ${member.id} = ${sessionConflicts.memberId})`,
      coachId: sessionConflicts.coachId,
      coachName: coach.name,
      coachTimezone: effectiveCoachTimeZone(),
      startsAt: sessionConflicts.startsAt,
      endsAt: sessionConflicts.endsAt,
      reason: sessionConflicts.reason,
      status: sessionConflicts.status,
      resolution: sessionConflicts.resolution,
      detectedAt: sessionConflicts.detectedAt,
      resolvedAt: sessionConflicts.resolvedAt,
    })
    .from(sessionConflicts)
    .innerJoin(recurringBookings, eq(recurringBookings.id, sessionConflicts.recurringBookingId))
    .innerJoin(coach, eq(coach.id, sessionConflicts.coachId))
    .leftJoin(coachSettings, eq(coachSettings.coachId, sessionConflicts.coachId))
    .where(where)
    .orderBy(sessionConflicts.startsAt, sessionConflicts.id);
  return rows.map((row): ConflictView => ({
    id: row.id,
    series: { id: row.seriesId, dayOfWeek: row.dayOfWeek, startTime: row.startTime, endTime: row.endTime, title: row.title },
    member: row.memberId === null ? null : { id: row.memberId, name: row.memberName ?? "" },
    coach: { id: row.coachId, name: row.coachName, timezone: row.coachTimezone },
    startsAt: new Date(row.startsAt).toISOString(),
    endsAt: new Date(row.endsAt).toISOString(),
    reason: row.reason,
    status: row.status,
    resolution: row.resolution,
    detectedAt: new Date(row.detectedAt).toISOString(),
    resolvedAt: row.resolvedAt ? new Date(row.resolvedAt).toISOString() : null,
  }));
}
