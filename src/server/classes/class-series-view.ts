// How the API shows a weekly class series: its wall-clock rule in the
// coach's zone, title, capacity, status, and how many standing places it has.
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { recurringBookingStatus } from "@/db/schema";
import { effectiveCoachTimeZone } from "../coaches/find-coach";
import { calendarDate, coachRef, count, dayOfWeek, instant, recordId, wallClockTime } from "../view-fields";

export const classSeriesViewSchema = z
  .strictObject({
    id: recordId,
    coach: coachRef,
    title: z.string(),
    capacity: count,
    dayOfWeek,
    startTime: wallClockTime,
    endTime: wallClockTime,
    startDate: calendarDate,
    endDate: calendarDate.nullable().describe("Last possible date; null = open-ended."),
    frequency: z.number().int().min(1).max(4).describe("Every 1–4 weeks."),
    status: z.enum(recurringBookingStatus.enumValues),
    standingPlaces: count.describe("Active standing places."),
    createdAt: instant,
    cancelledAt: instant.nullable(),
  })
  .describe("A weekly class series: a class every 1–4 weeks at a wall-clock time in the coach's zone.");

export type ClassSeriesView = z.infer<typeof classSeriesViewSchema>;

interface Row {
  id: string;
  coach_id: string;
  coach_name: string;
  coach_zone: string;
  title: string;
  capacity: number;
  day_of_week: number;
  start_time: string;
  end_time: string;
  start_date: string;
  end_date: string | null;
  frequency: number;
  status: ClassSeriesView["status"];
  standing: number;
  created_at: string | Date;
  cancelled_at: string | Date | null;
}

/** Class series matching `where` (over rb, cs, u), by weekday and time. */
export async function selectClassSeriesViews(db: DatabaseOrTransaction, where: SQL): Promise<ClassSeriesView[]> {
  const rows = await selectRows<Row>(
    db,
    sql`SELECT rb.id, rb.coach_id, u.name AS coach_name, ${effectiveCoachTimeZone(sql`cs.timezone`)} AS coach_zone, rb.title, rb.capacity,
               rb.day_of_week, rb.start_time, rb.end_time, rb.start_date::text AS start_date, rb.end_date::text AS end_date, rb.frequency,
               rb.status::text AS status,
               (SELECT count(*)::int FROM standing_places sp WHERE sp.series_id = rb.id AND sp.status = 'active') AS standing,
               rb.created_at, rb.cancelled_at
        FROM recurring_bookings rb JOIN users u ON u.id = rb.coach_id LEFT JOIN coach_settings cs ON cs.coach_id = rb.coach_id
        WHERE rb.member_id IS NULL AND ${where}
        ORDER BY rb.day_of_week, rb.start_time, rb.id`,
  );
  return rows.map((row) => ({
    id: row.id,
    coach: { id: row.coach_id, name: row.coach_name, timezone: row.coach_zone },
    title: row.title,
    capacity: Number(row.capacity),
    dayOfWeek: Number(row.day_of_week),
    startTime: row.start_time,
    endTime: row.end_time,
    startDate: row.start_date,
    endDate: row.end_date,
    frequency: Number(row.frequency),
    status: row.status,
    standingPlaces: Number(row.standing),
    createdAt: new Date(row.created_at).toISOString(),
    cancelledAt: row.cancelled_at === null ? null : new Date(row.cancelled_at).toISOString(),
  }));
}
