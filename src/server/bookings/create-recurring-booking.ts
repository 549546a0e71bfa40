// Book a weekly series ("every Tuesday 10:00–11:00 from a date, with or
// without an end"). Every occurrence up to the booking horizon is checked —
// coach's availability, blocked slots, both calendars — not just the first:
//  - onConflict "reject" (default): any misfit → nothing is created, 409 with
//    every conflicting date and its reason;
//  - onConflict "skip": the series and every fitting session are created, the
//    misfits are recorded as resolved conflicts ("skipped when booking") so
//    the generator never brings them back, and listed.
// On success the sessions up to the horizon exist at once. The same checks
// and placement run in SQL as the daily generator's (occurrences-sql.ts).
import { CONFLICT_REASON_TEXT } from "@/domain/conflict-reason";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import { recurringBookings, sessionConflicts, trainingSessions } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { firstOccurrenceDate } from "@/domain/recurrence";
import { instantToWallClock } from "@/domain/time";
import { shareCoachCalendar } from "../availability/coach-calendar";
import { businessTimeZone, sessionHorizonWeeks } from "../config";
import { calendarDate, dayOfWeek, recordId, wallClockTime } from "../fields";
import { selectSessionViews, type SessionView } from "../sessions/session-view";
import { planOccurrences, placeOccurrences, type OccurrenceWindow, type PlannedOccurrence } from "../sessions/occurrences-sql";
import { assertDateInBookingWindow } from "../studio-settings/booking-window";
import { assertMayBookUnverified } from "../studio-settings/verified-email";
import { parseInput } from "../validation";
import { resolveBookingParties } from "./booking-parties";
import type { OccurrenceOutcome } from "./occurrence-view";
import { selectRecurringBookingViews, type RecurringBookingView } from "./recurring-booking-view";
import { enqueueSeriesConfirmed } from "../messages/series-messages";

export const createRecurringBookingInput = z
  .strictObject({
    coachId: recordId,
    /** Only when a coach or the owner books for a member. */
    memberId: recordId.optional(),
    dayOfWeek,
    startTime: wallClockTime,
    endTime: wallClockTime,
    startDate: calendarDate,
    endDate: calendarDate.nullable().optional(),
    frequency: z.number().int("Must be a whole number").min(1, "Must be 1 to 4 (weeks)").max(4, "Must be 1 to 4 (weeks)").default(1),
    onConflict: z.enum(["reject", "skip"]).default("reject"),
  })
  .superRefine((value, context) => {
    if (value.startTime >= value.endTime) {
      context.addIssue({ code: "custom", path: ["endTime"], message: "Must be after startTime" });
    }
    if (value.endDate && value.endDate < value.startDate) {
      context.addIssue({ code: "custom", path: ["endDate"], message: "Must be on or after startDate" });
    }
  });

export type CreateRecurringBookingInput = z.input<typeof createRecurringBookingInput>;

export type { OccurrenceOutcome } from "./occurrence-view";

export interface CreatedRecurringBooking {
  recurringBooking: RecurringBookingView;
  /** Every session created, up to the horizon. */
  sessions: SessionView[];
  /** Occurrences left out by onConflict "skip". */
  skipped: OccurrenceOutcome[];
}

interface Options {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: CreateRecurringBookingInput;
  now?: Date;
}

export async function createRecurringBooking(options: Options): Promise<CreatedRecurringBooking> {
  const now = options.now ?? new Date();
  return options.db.transaction(async (tx) => {
    await assertMayBookUnverified(tx, options.actor);
    const { series, window, planned, onConflict } = await insertAndPlan(tx, options.actor, options.input, now);
    const misfits = planned.filter((occurrence) => occurrence.reason !== null);
    if (onConflict === "reject" && misfits.length > 0) throw conflictError(misfits);

    const placed = await placeOccurrences(tx, window, {
      conflictStatus: "resolved",
      resolution: "skipped when booking",
      now,
      // One series is cheap to arbitrate, and a booking committed meanwhile
      // then becomes a skipped date (skip) or a counted miss (reject), not an error.
      arbitrate: true,
    });
    // Checked free a moment ago but taken by a booking committed meanwhile:
    // the exclusion constraints decided, and "reject" means all or nothing.
    if (onConflict === "reject" && placed.created < planned.length) {
      throw new AppError("conflict", "A slot of this series was just taken by another booking; nothing was booked");
    }

    const skipped = await tx
      .select()
      .from(sessionConflicts)
      .where(eq(sessionConflicts.recurringBookingId, series.id))
      .orderBy(sessionConflicts.startsAt);
    const [view] = await selectRecurringBookingViews(tx, eq(recurringBookings.id, series.id), { now });
    const sessions = await selectSessionViews(tx, eq(trainingSessions.recurringBookingId, series.id));
    const skippedOutcomes = skipped.map((row) => ({
      date: instantToWallClock(row.startsAt, view!.coach.timezone).date,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      reason: row.reason,
    }));
    await enqueueSeriesConfirmed(
      tx,
      view!,
      sessions.map(({ id, startsAt, endsAt }) => ({ id, startsAt, endsAt })),
      skippedOutcomes.map(({ startsAt, endsAt, reason }) => ({ startsAt, endsAt, reason })),
    );
    return { recurringBooking: view!, sessions, skipped: skippedOutcomes };
  });
}

/**
 * Every occurrence of the series up to the horizon with whether it fits,
 * without booking anything (the series is written and rolled back, so the
 * very same SQL decides). For the "see every occurrence before confirming"
 * step of a booking form.
 */
export async function previewRecurringBooking(options: Options): Promise<{ occurrences: OccurrenceOutcome[] }> {
  const now = options.now ?? new Date();
  let occurrences: OccurrenceOutcome[] = [];
  try {
    await options.db.transaction(async (tx) => {
      const { planned } = await insertAndPlan(tx, options.actor, options.input, now);
      occurrences = planned.map(toOutcome);
      throw new PreviewDone();
    });
  } catch (error) {
    if (!(error instanceof PreviewDone)) throw error;
  }
  return { occurrences };
}

class PreviewDone extends Error {}

async function insertAndPlan(tx: DatabaseOrTransaction, actor: Actor | null, rawInput: unknown, now: Date) {
  const input = parseInput(createRecurringBookingInput, rawInput);
  const { coach, memberId } = await resolveBookingParties(tx, actor, input);
  await shareCoachCalendar(tx, coach.id);

  await assertSeriesDates(tx, input, coach.timezone, now);

  const [series] = await tx
    .insert(recurringBookings)
    .values({
      memberId,
      coachId: coach.id,
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

  const window: OccurrenceWindow = {
    after: now,
    until: new Date(now.getTime() + sessionHorizonWeeks() * 7 * 86_400_000),
    businessTimeZone: businessTimeZone(),
    series: { id: series!.id },
  };
  const planned = await planOccurrences(tx, window);
  return { series: series!, window, planned, onConflict: input.onConflict };
}

function toOutcome(occurrence: PlannedOccurrence): OccurrenceOutcome {
  return {
    date: occurrence.date,
    startsAt: occurrence.startsAt.toISOString(),
    endsAt: occurrence.endsAt.toISOString(),
    reason: occurrence.reason,
  };
}

function conflictError(misfits: PlannedOccurrence[]): AppError {
  const list = misfits.map((occurrence) => `${occurrence.date} (${CONFLICT_REASON_TEXT[occurrence.reason!]})`).join(", ");
  return new AppError(
    "conflict",
    `${misfits.length} occurrence${misfits.length === 1 ? "" : "s"} cannot be booked: ${list}. Nothing was booked; choose another time or skip these dates.`,
    undefined,
    { conflicts: misfits.map(toOutcome) },
  );
}

/**
 * A weekly series' dates (a member's or a class series): it starts today or
 * later in the coach's zone, inside the booking window, and has at least one
 * occurrence before its end date.
 */
export async function assertSeriesDates(
  db: DatabaseOrTransaction,
  input: { startDate: string; endDate?: string | null | undefined; dayOfWeek: number },
  zone: string,
  now: Date,
): Promise<void> {
  const today = instantToWallClock(now, zone).date;
  if (input.startDate < today) {
    throw new AppError("invalid_input", `startDate: Must be today (${today}, ${zone}) or later`, {
      startDate: `Must be today (${today} in ${zone}) or later`,
    });
  }
  await assertDateInBookingWindow(db, { field: "startDate", date: input.startDate, zone, now });
  const first = firstOccurrenceDate(input.startDate, input.dayOfWeek);
  if (input.endDate && input.endDate < first) {
    throw new AppError("invalid_input", "endDate: The series would have no occurrence", {
      endDate: `Ends before the first occurrence (${first})`,
    });
  }
}
