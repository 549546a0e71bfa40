// One class; for its coach and the owner, with its roster: the places
// (confirmed, attended, no-show), the waitlist in order, and the places
// given up. A member sees the class and their own place, never the others'.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { AppError } from "@/domain/errors";
import { recordId } from "../fields";
import { parseInput } from "../validation";
import { selectClassViews, selectEnrolmentViews, type ClassView, type EnrolmentView } from "./class-view";

export const getClassInput = z.strictObject({ id: recordId });

export async function getClass(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: z.input<typeof getClassInput>;
}): Promise<{ class: ClassView; roster: EnrolmentView[] | null }> {
  const { actor, db } = options;
  assertCan(actor, "classes:read");
  const input = parseInput(getClassInput, options.input);
  const [view] = await selectClassViews(db, (s) => sql`${s.id} = ${input.id}`, actor.id);
  if (!view) throw new AppError("not_found", `No class with id ${input.id}`);
  const seesRoster = actor.role === "owner" || (actor.role === "coach" && view.coach.id === actor.id);
  return { class: view, roster: seesRoster ? await selectEnrolmentViews(db, (e) => sql`${e.classId} = ${view.id}`) : null };
}
