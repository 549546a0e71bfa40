// A standing place ends (its member, the series' coach, or the owner): no
// place in later classes, and its places in upcoming classes are given up —
// each freed place going to that class's waitlist (promote-waitlist.ts).
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { AppError } from "@/domain/errors";
import { recordId } from "../fields";
import { parseInput } from "../validation";
import { lockClass, waitlistCutoffMinutes } from "./class-sql";
import { promoteWaitlist } from "./promote-waitlist";
import { selectStandingPlaceViews, type StandingPlaceView } from "./standing-place-view";

export const cancelStandingPlaceInput = z.strictObject({ id: recordId });

export async function cancelStandingPlace(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: z.input<typeof cancelStandingPlaceInput>;
  now?: Date;
}): Promise<{ standingPlace: StandingPlaceView; cancelledPlaces: number }> {
  const { actor, db } = options;
  assertCan(actor, "classes:enrol");
  const input = parseInput(cancelStandingPlaceInput, options.input);
  const now = options.now ?? new Date();
  const [found] = await selectRows<{ member_id: string; coach_id: string; status: string }>(
    db,
    sql`SELECT sp.member_id, rb.coach_id, sp.status::text AS status FROM standing_places sp JOIN recurring_bookings rb ON rb.id = sp.series_id
        WHERE sp.id = ${input.id}`,
  );
  const mayAct = found && (actor.role === "owner" || (actor.role === "coach" ? found.coach_id === actor.id : found.member_id === actor.id));
  if (!found || !mayAct) throw new AppError("not_found", `No standing place with id ${input.id}`);
  if (found.status !== "active") throw new AppError("conflict", "This standing place is already cancelled");
  const cutoffMinutes = await waitlistCutoffMinutes(db);

  return db.transaction(async (tx) => {
    const [ended] = await selectRows<{ id: string }>(
      tx,
      sql`UPDATE standing_places SET status = 'cancelled', cancelled_at = ${now.toISOString()}::timestamptz
          WHERE id = ${input.id} AND status = 'active' RETURNING id`,
    );
    if (!ended) throw new AppError("conflict", "This standing place is already cancelled");
    const upcoming = await selectRows<{ id: string; class_id: string; status: string }>(
      tx,
      sql`SELECT id, class_id, status::text AS status FROM class_enrolments
          WHERE standing_place_id = ${input.id} AND status IN ('confirmed', 'waitlisted') AND starts_at > ${now.toISOString()}::timestamptz
          ORDER BY class_id`,
    );
    for (const place of upcoming) {
      const locked = (await lockClass(tx, place.class_id))!;
      await tx.execute(sql`UPDATE class_enrolments SET status = 'cancelled', cancel_cause = 'standing_place_ended',
                             cancelled_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
                           WHERE id = ${place.id} AND status IN ('confirmed', 'waitlisted')`);
      if (place.status === "confirmed") await promoteWaitlist(tx, locked, { now, cutoffMinutes, by: null });
    }
    const [view] = await selectStandingPlaceViews(tx, sql`sp.id = ${input.id}`);
    return { standingPlace: view!, cancelledPlaces: upcoming.length };
  });
}
