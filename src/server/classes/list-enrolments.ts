// "My classes": the caller's places in classes starting in [from, to) —
// a member's own; a coach's, the places in their classes; the owner's, all.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { instant } from "../fields";
import { parseInput } from "../validation";
import { selectClassViews, selectEnrolmentViews, type ClassView, type EnrolmentView } from "./class-view";

export const listEnrolmentsInput = z
  .strictObject({
    from: instant.optional(),
    to: instant.optional(),
    status: z.enum(["live", "all"]).default("live").describe("live: confirmed and waitlisted places; all: any status."),
  })
  .superRefine((value, context) => {
    if (value.from instanceof Date && value.to instanceof Date && value.to <= value.from) {
      context.addIssue({ code: "custom", path: ["to"], message: "Must be after from" });
    }
  });

export async function listEnrolments(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input?: z.input<typeof listEnrolmentsInput>;
  now?: Date;
}): Promise<{ enrolments: EnrolmentView[]; classes: ClassView[] }> {
  const { actor, db } = options;
  assertCan(actor, "classes:read");
  const input = parseInput(listEnrolmentsInput, options.input ?? {});
  const from = input.from ?? (options.now ?? new Date());
  const enrolments = await selectEnrolmentViews(
    db,
    (e) => sql`${e.startsAt} >= ${from.toISOString()}::timestamptz
      ${input.to ? sql`AND ${e.startsAt} < ${input.to.toISOString()}::timestamptz` : sql``}
      ${input.status === "live" ? sql`AND ${e.status} IN ('confirmed', 'waitlisted')` : sql``}
      ${actor.role === "member" ? sql`AND ${e.memberId} = ${actor.id}` : sql``}
      ${actor.role === "coach" ? sql`AND ${e.classId} IN (SELECT id FROM training_sessions WHERE coach_id = ${actor.id})` : sql``}`,
  );
  const classIds = [...new Set(enrolments.map((enrolment) => enrolment.classId))];
  const classes =
    classIds.length === 0 ? [] : await selectClassViews(db, (s) => sql`${s.id} IN (${sql.join(classIds.map((id) => sql`${id}`), sql`, `)})`, actor.id);
  return { enrolments, classes };
}
