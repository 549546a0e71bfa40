// Standing places the actor may see: a member their own; a coach those in
// their series; the owner all. ?seriesId narrows to one series, which must
// exist (class series are on the public timetable, so a 404 hides nothing).
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { recordId } from "../fields";
import { parseInput } from "../validation";
import { findClassSeries } from "./class-sql";
import { selectStandingPlaceViews, type StandingPlaceView } from "./standing-place-view";

export const listStandingPlacesInput = z.strictObject({
  seriesId: recordId.optional(),
  status: z.enum(["active", "cancelled", "all"]).default("active"),
});

export async function listStandingPlaces(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input?: z.input<typeof listStandingPlacesInput>;
}): Promise<StandingPlaceView[]> {
  const { actor } = options;
  assertCan(actor, "classes:read");
  const input = parseInput(listStandingPlacesInput, options.input ?? {});
  if (input.seriesId) await findClassSeries(options.db, input.seriesId);
  return selectStandingPlaceViews(
    options.db,
    sql`true ${input.seriesId ? sql`AND sp.series_id = ${input.seriesId}` : sql``}
        ${input.status === "all" ? sql`` : sql`AND sp.status = ${input.status}`}
        ${actor.role === "member" ? sql`AND sp.member_id = ${actor.id}` : sql``}
        ${actor.role === "coach" ? sql`AND rb.coach_id = ${actor.id}` : sql``}`,
  );
}
