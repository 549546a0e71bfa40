// The weekly class series: everyone signed in sees them (members take
// standing places in them); ?coachId narrows to one coach, ?status to
// active (default), cancelled or all.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { recordId } from "../fields";
import { parseInput } from "../validation";
import { selectClassSeriesViews, type ClassSeriesView } from "./class-series-view";

export const listClassSeriesInput = z.strictObject({
  coachId: recordId.optional(),
  status: z.enum(["active", "cancelled", "all"]).default("active"),
});

export async function listClassSeries(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input?: z.input<typeof listClassSeriesInput>;
}): Promise<ClassSeriesView[]> {
  assertCan(options.actor, "classes:read");
  const input = parseInput(listClassSeriesInput, options.input ?? {});
  return selectClassSeriesViews(
    options.db,
    sql`true ${input.coachId ? sql`AND rb.coach_id = ${input.coachId}` : sql``}
        ${input.status === "all" ? sql`` : sql`AND rb.status = ${input.status}`}`,
  );
}
