// The class timetable: every class starting in [from, to) (at most 92 days),
// of one coach or all, with places left and the caller's own place. Everyone
// signed in sees the timetable; rosters are get-class.ts's.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { instant, recordId } from "../fields";
import { parseInput } from "../validation";
import { selectClassViews, type ClassView } from "./class-view";

const MAX_RANGE_DAYS = 92;

export const listClassesInput = z
  .strictObject({
    from: instant,
    to: instant,
    coachId: recordId.optional(),
  })
  .superRefine((value, context) => {
    if (!(value.from instanceof Date) || !(value.to instanceof Date)) return;
    if (value.to <= value.from) context.addIssue({ code: "custom", path: ["to"], message: "Must be after from" });
    else if (value.to.getTime() - value.from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
      context.addIssue({ code: "custom", path: ["to"], message: `At most ${MAX_RANGE_DAYS} days after from` });
    }
  });
export type ListClassesInput = z.input<typeof listClassesInput>;

export async function listClasses(options: { db: DatabaseOrTransaction; actor: Actor | null; input: ListClassesInput }): Promise<ClassView[]> {
  assertCan(options.actor, "classes:read");
  const input = parseInput(listClassesInput, options.input);
  return selectClassViews(
    options.db,
    (s) =>
      sql`${s.startsAt} >= ${input.from.toISOString()}::timestamptz AND ${s.startsAt} < ${input.to.toISOString()}::timestamptz
          ${input.coachId ? sql`AND ${s.coachId} = ${input.coachId}` : sql``}`,
    options.actor.id,
  );
}
