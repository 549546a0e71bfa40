// The coach (or the owner) schedules a weekly class: a day, an HH:MM start
// and end in the coach's zone, a start date and optional end date, every
// 1–4 weeks, a title and a capacity. Its classes up to the horizon are
// placed at once by the generator's own statement (sessions/occurrences-sql.ts);
// an occurrence over time off or another session of the coach is recorded
// as an open conflict — in the coach's conflict inbox and in the answer —
// never silently dropped. Later weeks come with the daily run.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertActsForCoach } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { recurringBookings, sessionConflicts } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { eq } from "drizzle-orm";
import { assertSeriesDates } from "../bookings/create-recurring-booking";
import { findCoach } from "../coaches/find-coach";
import { businessTimeZone, sessionHorizonWeeks } from "../config";
import { selectConflictViews, type ConflictView } from "../conflicts/conflict-view";
import { calendarDate, dayOfWeek, recordId, wallClockTime } from "../fields";
import { placeOccurrences } from "../sessions/occurrences-sql";
import { parseInput } from "../validation";
import { classCapacity, classTitle } from "./class-input";
import { selectClassSeriesViews, type ClassSeriesView } from "./class-series-view";
import { selectClassViews, type ClassView } from "./class-view";

export const createClassSeriesInput = z
  .strictObject({
    coachId: recordId,
    title: classTitle,
    capacity: classCapacity,
    dayOfWeek,
    startTime: wallClockTime,
    endTime: wallClockTime,
    startDate: calendarDate,
    endDate: calendarDate.nullable().optional(),
    frequency: z.number().int("Must be a whole number").min(1, "Must be 1 to 4 (weeks)").max(4, "Must be 1 to 4 (weeks)").default(1),
  })
  .superRefine((value, context) => {
    if (value.startTime >= value.endTime) context.addIssue({ code: "custom", path: ["endTime"], message: "Must be after startTime" });
    if (value.endDate && value.endDate < value.startDate) {
      context.addIssue({ code: "custom", path: ["endDate"], message: "Must be on or after startDate" });
    }
  });
export type CreateClassSeriesInput = z.input<typeof createClassSeriesInput>;

export interface CreatedClassSeries {
  classSeries: ClassSeriesView;
  /** Its classes placed up to the horizon. */
  classes: ClassView[];
  /** Occurrences that did not fit (open conflicts). */
  conflicts: ConflictView[];
}

export async function createClassSeries(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: CreateClassSeriesInput;
  now?: Date;
}): Promise<CreatedClassSeries> {
  const input = parseInput(createClassSeriesInput, options.input);
  assertActsForCoach(options.actor, input.coachId, "classes:manage");
  const actor = options.actor;
  const now = options.now ?? new Date();
  const coach = await findCoach(options.db, input.coachId);
  if (!coach) throw new AppError("invalid_input", "coachId: Not a coach", { coachId: "No coach with this id" });
  await assertSeriesDates(options.db, input, coach.timezone, now);

  return options.db.transaction(async (tx) => {
    const [series] = await tx
      .insert(recurringBookings)
      .values({
        coachId: coach.id,
        memberId: null,
        title: input.title,
        capacity: input.capacity,
        dayOfWeek: input.dayOfWeek,
        startTime: input.startTime,
        endTime: input.endTime,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        frequency: input.frequency,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: recurringBookings.id });
    const id = series!.id;
    await placeOccurrences(
      tx,
      { after: now, until: new Date(now.getTime() + sessionHorizonWeeks() * 7 * 86_400_000), businessTimeZone: businessTimeZone(), series: { id } },
      { conflictStatus: "open", now, arbitrate: true },
    );
    const [view] = await selectClassSeriesViews(tx, sql`rb.id = ${id}`);
    const classes = await selectClassViews(tx, (s) => sql`${s.recurringBookingId} = ${id}`, actor.id);
    const conflicts = await selectConflictViews(tx, eq(sessionConflicts.recurringBookingId, id));
    return { classSeries: view!, classes, conflicts };
  });
}
