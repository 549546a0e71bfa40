// A member takes a standing place in a class series (a member for
// themself; the series' coach or the owner for a member): a place in every
// class of the series from now on — in those already generated at once,
// and in each new one as the generator places it. A class already full
// puts them on its waitlist, and tells them; a class at a time they hold
// something else is left out.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { UNIQUE_VIOLATION, hasPostgresCode } from "@/db/errors";
import { AppError } from "@/domain/errors";
import { resolveBookingMember } from "../bookings/booking-parties";
import { recordId } from "../fields";
import { assertMayBookUnverified } from "../studio-settings/verified-email";
import { parseInput } from "../validation";
import { findClassSeries } from "./class-sql";
import { selectEnrolmentViews, type EnrolmentView } from "./class-view";
import { fillStandingPlaces } from "./fill-standing-places";
import { selectStandingPlaceViews, type StandingPlaceView } from "./standing-place-view";

export const createStandingPlaceBody = z.strictObject({ memberId: recordId.optional() });
export const createStandingPlaceInput = createStandingPlaceBody.extend({ seriesId: recordId });

export async function createStandingPlace(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: z.input<typeof createStandingPlaceInput>;
  now?: Date;
}): Promise<{ standingPlace: StandingPlaceView; enrolments: EnrolmentView[] }> {
  const { actor, db } = options;
  assertCan(actor, "classes:enrol");
  const input = parseInput(createStandingPlaceInput, options.input);
  const now = options.now ?? new Date();
  const series = await findClassSeries(db, input.seriesId);
  const member = await resolveBookingMember(db, actor, { coachId: series.coach_id, memberId: input.memberId });
  await assertMayBookUnverified(db, actor);
  if (series.status !== "active") throw new AppError("conflict", "This class series is cancelled");

  try {
    return await db.transaction(async (tx) => {
      // The series' upcoming classes, locked in id order: no place changes in them meanwhile.
      const classes = await selectRows<{ id: string }>(
        tx,
        sql`SELECT id FROM training_sessions WHERE recurring_booking_id = ${input.seriesId} AND status = 'scheduled'
              AND starts_at > ${now.toISOString()}::timestamptz ORDER BY id FOR UPDATE`,
      );
      const [created] = await selectRows<{ id: string }>(
        tx,
        sql`INSERT INTO standing_places (series_id, member_id, created_at) VALUES (${input.seriesId}, ${member.id}, ${now.toISOString()}::timestamptz)
            RETURNING id`,
      );
      if (classes.length > 0) await fillStandingPlaces(tx, classes.map((row) => row.id), now);
      const [view] = await selectStandingPlaceViews(tx, sql`sp.id = ${created!.id}`);
      const enrolments = await selectEnrolmentViews(tx, (e) => sql`${e.standingPlaceId} = ${created!.id}`);
      return { standingPlace: view!, enrolments };
    });
  } catch (error) {
    if (hasPostgresCode(error, UNIQUE_VIOLATION)) throw new AppError("conflict", "This member already has a standing place in this class series");
    throw error;
  }
}
