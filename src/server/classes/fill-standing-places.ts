// Classes placed by the generator (or when a series is created) take their
// series' standing places, set-based: confirmed in the order the standing
// places were taken, up to the capacity; the rest waitlisted, and told. A
// member who holds something else at that time is left out of that class.
// A member's places in other classes are not looked up row by row: ON
// CONFLICT DO NOTHING (no target) covers the exclusion constraint on
// confirmed places, so a place overlapping one the member holds (or one
// this statement gives them) is left out, and the run never fails on it.
// A member already in this class must be left out before the numbering
// (NOT EXISTS, by class and member), or they would use up a place number.
// (A lookup per row was planned on the statistics of an empty table after
// an upgrade or a first large run, and read the whole index each time:
// generation with 10% class series went from 1.1× to 2.2× its baseline.)
import { sql } from "drizzle-orm";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { classEnrolments, standingPlaces, trainingSessions } from "@/db/schema";
import { enqueueClassPlaceMessages } from "../messages/class-messages";
import { memberHasSession, waitlistCutoffMinutes } from "./class-sql";

export async function fillStandingPlaces(db: DatabaseOrTransaction, classIds: readonly string[], now: Date): Promise<number> {
  const ids = sql.join(classIds.map((id) => sql`${id}`), sql`, `);
  const rows = await selectRows<{ id: string; status: string }>(
    db,
    sql`INSERT INTO ${classEnrolments} (class_id, member_id, status, starts_at, ends_at, standing_place_id, created_at, updated_at)
        SELECT p.id, sp.member_id,
               (CASE WHEN p.places_taken + row_number() OVER (PARTITION BY p.id ORDER BY sp.created_at, sp.id) <= p.capacity
                     THEN 'confirmed' ELSE 'waitlisted' END)::enrolment_status,
               p.starts_at, p.ends_at, sp.id, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
        FROM ${trainingSessions} p
        JOIN ${standingPlaces} sp ON sp.series_id = p.recurring_booking_id AND sp.status = 'active'
        WHERE p.id IN (${ids}) AND p.type = 'GROUP' AND p.status = 'scheduled'
          AND NOT EXISTS (SELECT 1 FROM ${classEnrolments} x WHERE x.class_id = p.id AND x.member_id = sp.member_id AND x.status IN ('confirmed', 'waitlisted'))
          AND NOT ${memberHasSession(sql`sp.member_id`, sql`p.starts_at`, sql`p.ends_at`)}
        ORDER BY p.id, sp.created_at, sp.id
        ON CONFLICT DO NOTHING
        RETURNING id, status::text AS status`,
  );
  const waitlisted = rows.filter((row) => row.status === "waitlisted").map((row) => row.id);
  if (waitlisted.length > 0) await enqueueClassPlaceMessages(db, waitlisted, { cutoffMinutes: await waitlistCutoffMinutes(db), by: null });
  return rows.length;
}
