// How the API shows a recurring series: its wall-clock rule in the coach's
// zone, who is in it, its status and its next upcoming sessions.
import { aliasedTable, and, eq, gt, inArray, sql, type SQL } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db";
import { z } from "zod";
import { coachSettings, recurringBookingStatus, recurringBookings, trainingSessions, users } from "@/db/schema";
import { effectiveCoachTimeZone } from "../coaches/find-coach";
import { selectSessionViews, sessionViewSchema } from "../sessions/session-view";
import { calendarDate, coachRef, dayOfWeek, instant, memberRef, recordId, wallClockTime } from "../view-fields";

export const recurringBookingViewSchema = z
  .strictObject({
    id: recordId,
    coach: coachRef,
    member: memberRef,
    dayOfWeek,
    startTime: wallClockTime,
    endTime: wallClockTime,
    startDate: calendarDate,
    endDate: calendarDate.nullable().describe("Last possible date; null = open-ended."),
    frequency: z.number().int().min(1).max(4).describe("Every 1–4 weeks."),
    status: z.enum(recurringBookingStatus.enumValues),
    createdAt: instant,
    cancelledAt: instant.nullable(),
    nextSessions: z.array(sessionViewSchema).describe("The next (up to 10) sessions starting after now, any status."),
  })
  .describe("A weekly series: its wall-clock rule in the coach's zone, its people, its next sessions.");

export type RecurringBookingView = z.infer<typeof recurringBookingViewSchema>;

const coach = aliasedTable(users, "series_coach");
const member = aliasedTable(users, "series_member");

/** Series matching `where`, newest first, each with its next `nextCount` sessions after `now`. */
export async function selectRecurringBookingViews(
  db: DatabaseOrTransaction,
  where: SQL | undefined,
  options: { now: Date; nextCount?: number },
): Promise<RecurringBookingView[]> {
  const rows = await db
    .select({
      id: recurringBookings.id,
      coachId: recurringBookings.coachId,
      coachName: coach.name,
      coachTimezone: effectiveCoachTimeZone(),
      memberId: recurringBookings.memberId,
      memberName: member.name,
      dayOfWeek: recurringBookings.dayOfWeek,
      startTime: recurringBookings.startTime,
      endTime: recurringBookings.endTime,
      startDate: recurringBookings.startDate,
      endDate: recurringBookings.endDate,
      frequency: recurringBookings.frequency,
      status: recurringBookings.status,
      createdAt: recurringBookings.createdAt,
      cancelledAt: recurringBookings.cancelledAt,
    })
    .from(recurringBookings)
    .innerJoin(coach, eq(coach.id, recurringBookings.coachId))
    .innerJoin(member, eq(member.id, recurringBookings.memberId))
    .leftJoin(coachSettings, eq(coachSettings.coachId, recurringBookings.coachId))
    .where(where)
    .orderBy(sql`${recurringBookings.createdAt} DESC`, recurringBookings.id);
  if (rows.length === 0) return [];

  // The next N sessions of every listed series in one query.
  const nextCount = options.nextCount ?? 10;
  const ranked = db
    .select({
      id: trainingSessions.id,
      rank: sql<number>`row_number() OVER (PARTITION BY ${trainingSessions.recurringBookingId} ORDER BY ${trainingSessions.startsAt})`.as(
        "rank",
      ),
    })
    .from(trainingSessions)
    .where(
      and(
        inArray(
          trainingSessions.recurringBookingId,
          rows.map((row) => row.id),
        ),
        gt(trainingSessions.startsAt, options.now),
      ),
    )
    .as("ranked");
  const next = await selectSessionViews(
    db,
    inArray(
      trainingSessions.id,
      db.select({ id: ranked.id }).from(ranked).where(sql`${ranked.rank} <= ${nextCount}`),
    ),
  );

  return rows.map((row) => ({
    id: row.id,
    coach: { id: row.coachId, name: row.coachName, timezone: row.coachTimezone },
    // The inner join on the member leaves class series (no member) out.
    member: { id: row.memberId!, name: row.memberName },
    dayOfWeek: row.dayOfWeek,
    startTime: row.startTime,
    endTime: row.endTime,
    startDate: row.startDate,
    endDate: row.endDate,
    frequency: row.frequency,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    cancelledAt: row.cancelledAt ? row.cancelledAt.toISOString() : null,
    nextSessions: next.filter((session) => session.recurringBookingId === row.id),
  }));
}
