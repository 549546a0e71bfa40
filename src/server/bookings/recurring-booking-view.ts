// How the API shows a recurring series: its wall-clock rule in the coach's
// zone, who is in it, its status and its next upcoming sessions.
import { aliasedTable, and, eq, gt, inArray, sql, type SQL } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db";
import { coachSettings, recurringBookings, trainingSessions, users } from "@/db/schema";
import { effectiveCoachTimeZone } from "../coaches/find-coach";
import { selectSessionViews, type SessionView } from "../sessions/session-view";

export interface RecurringBookingView {
  id: string;
  coach: { id: string; name: string; timezone: string };
  member: { id: string; name: string };
  dayOfWeek: number;
  startTime: string;
  endTime: string;
  startDate: string;
  endDate: string | null;
  frequency: number;
  status: "active" | "cancelled";
  createdAt: string;
  cancelledAt: string | null;
  /** The next sessions that start after now (any status, so a cancelled occurrence shows as such). */
  nextSessions: SessionView[];
}

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
    member: { id: row.memberId, name: row.memberName },
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
