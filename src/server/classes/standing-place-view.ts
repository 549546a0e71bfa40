// How the API shows a standing place: a member's place in every class of a series.
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { recurringBookingStatus } from "@/db/schema";
import { instant, memberRef, recordId } from "../view-fields";

export const standingPlaceViewSchema = z
  .strictObject({
    id: recordId,
    seriesId: recordId,
    title: z.string(),
    member: memberRef,
    status: z.enum(recurringBookingStatus.enumValues),
    createdAt: instant,
    cancelledAt: instant.nullable(),
  })
  .describe("A member's standing place in a class series: a place in each class as it is generated (the waitlist when one is full).");

export type StandingPlaceView = z.infer<typeof standingPlaceViewSchema>;

/** Standing places matching `where` (over sp, rb), oldest first. */
export async function selectStandingPlaceViews(db: DatabaseOrTransaction, where: SQL): Promise<StandingPlaceView[]> {
  const rows = await selectRows<{
    id: string;
    series_id: string;
    title: string;
    member_id: string;
    member_name: string;
    status: StandingPlaceView["status"];
    created_at: string | Date;
    cancelled_at: string | Date | null;
  }>(
    db,
    sql`SELECT sp.id, sp.series_id, rb.title, sp.member_id, u.name AS member_name, sp.status::text AS status, sp.created_at, sp.cancelled_at
        FROM standing_places sp JOIN recurring_bookings rb ON rb.id = sp.series_id JOIN users u ON u.id = sp.member_id
        WHERE ${where}
        ORDER BY sp.created_at, sp.id`,
  );
  return rows.map((row) => ({
    id: row.id,
    seriesId: row.series_id,
    title: row.title,
    member: { id: row.member_id, name: row.member_name },
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    cancelledAt: row.cancelled_at === null ? null : new Date(row.cancelled_at).toISOString(),
  }));
}
