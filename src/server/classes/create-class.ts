// The coach (or the owner, for any coach) schedules a one-off class. It
// takes the coach's time like any session: refused (409) over time off or
// another session of the coach — the coach's exclusion constraint decides.
// A class is the coach's own choice of time, so it need not lie inside the
// weekly hours members book one-to-one sessions in.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertActsForCoach } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { overlapReason } from "@/db/errors";
import { AppError } from "@/domain/errors";
import { availabilityProblem } from "../availability/availability-problem";
import { findCoach } from "../coaches/find-coach";
import { instant, recordId } from "../fields";
import { insertSession } from "../sessions/insert-session";
import { assertInstantInBookingWindow } from "../studio-settings/booking-window";
import { parseInput } from "../validation";
import { selectClassViews, type ClassView } from "./class-view";
import { classCapacity, classTitle } from "./class-input";

const MAX_LENGTH_MS = 8 * 60 * 60 * 1000;

export const createClassInput = z
  .strictObject({
    coachId: recordId,
    title: classTitle,
    startsAt: instant,
    endsAt: instant,
    capacity: classCapacity,
  })
  .superRefine((value, context) => {
    if (!(value.startsAt instanceof Date) || !(value.endsAt instanceof Date)) return;
    if (value.endsAt <= value.startsAt) context.addIssue({ code: "custom", path: ["endsAt"], message: "Must be after startsAt" });
    else if (value.endsAt.getTime() - value.startsAt.getTime() > MAX_LENGTH_MS) {
      context.addIssue({ code: "custom", path: ["endsAt"], message: "A class lasts at most 8 hours" });
    }
  });
export type CreateClassInput = z.input<typeof createClassInput>;

export async function createClass(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: CreateClassInput;
  now?: Date;
}): Promise<{ class: ClassView }> {
  const input = parseInput(createClassInput, options.input);
  assertActsForCoach(options.actor, input.coachId, "classes:manage");
  const { db } = options;
  const now = options.now ?? new Date();
  const coach = await findCoach(db, input.coachId);
  if (!coach) throw new AppError("invalid_input", "coachId: Not a coach", { coachId: "No coach with this id" });
  if (input.startsAt <= now) throw new AppError("invalid_input", "startsAt: Must be in the future", { startsAt: "Must be in the future" });
  await assertInstantInBookingWindow(db, { field: "startsAt", at: input.startsAt, now });

  return db.transaction(async (tx) => {
    const problem = await availabilityProblem(tx, { coachId: coach.id, zone: coach.timezone, startsAt: input.startsAt, endsAt: input.endsAt });
    if (problem === "blocked") throw new AppError("conflict", `${coach.name} is not available then (time off)`);
    let id: string;
    try {
      id = await insertSession(tx, {
        coachId: coach.id,
        type: "GROUP",
        title: input.title,
        capacity: input.capacity,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (overlapReason(error)) throw new AppError("conflict", `${coach.name} already has a session or a class at that time`);
      throw error;
    }
    const [view] = await selectClassViews(tx, (s) => sql`${s.id} = ${id}`, options.actor!.id);
    return { class: view! };
  });
}

