// A coach's free, bookable slots over local dates from..to (inclusive, in the
// coach's zone): any signed-in user. The pipeline's first step in one SQL
// statement — rules ∪ additions − blocked slots − sessions as multiranges
// (freeTimeQuery) — then cut into slots by the pure enumerateSlotStarts():
// starts on the coach's local :00/:30, no earlier than now + the coach's
// minimum notice, each `duration` minutes wholly inside free time.
import { z } from "zod";
import type { Actor } from "@/auth/current-actor";
import { assertCan } from "@/auth/permissions";
import { selectPreparedRows, type DatabaseOrTransaction } from "@/db";
import { AppError } from "@/domain/errors";
import { daysInclusive, enumerateSlotStarts, localDatesWindow } from "@/domain/slots";
import { isoInstantFormatter } from "@/domain/time";
import { businessTimeZone } from "../config";
import { calendarDate, recordId } from "../fields";
import { parseInput } from "../validation";
import { freeTimeQuery } from "./availability-sql";

export const MAX_SLOT_DAYS = 62;

const DURATION_MESSAGE = "Must be a whole number of minutes from 15 to 480, in steps of 15";

/** The query string: ?from=YYYY-MM-DD&to=YYYY-MM-DD[&duration=60]. */
export const listFreeSlotsQuery = z
  .strictObject({
    from: calendarDate,
    to: calendarDate,
    duration: z.coerce
      .number({ error: DURATION_MESSAGE })
      .int(DURATION_MESSAGE)
      .min(15, DURATION_MESSAGE)
      .max(480, DURATION_MESSAGE)
      .multipleOf(15, DURATION_MESSAGE)
      .optional(),
  })
  .superRefine((value, context) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(String(value.from)) || !/^\d{4}-\d{2}-\d{2}$/.test(String(value.to))) return;
    let days: number;
    try {
      days = daysInclusive(value.from, value.to);
    } catch {
      return; // not a real date: calendarDate names it
    }
    if (days < 1) context.addIssue({ code: "custom", path: ["to"], message: "Must be on or after from" });
    else if (days > MAX_SLOT_DAYS) {
      context.addIssue({ code: "custom", path: ["to"], message: `At most ${MAX_SLOT_DAYS} days after from, inclusive` });
    }
  });

export const listFreeSlotsInput = listFreeSlotsQuery.extend({ coachId: recordId });

export type ListFreeSlotsInput = z.input<typeof listFreeSlotsInput>;

export interface FreeSlots {
  coachId: string;
  /** The coach's zone: from/to are its local dates, and slots start on its :00 and :30. */
  timezone: string;
  /** Minutes per slot. */
  duration: number;
  slots: Array<{ startsAt: string; endsAt: string }>;
}

/** What readFreeTime() found: the coach's effective settings and free ranges. */
export interface FreeTime {
  /** The validated input it was read for: the answer is built from this one. */
  input: z.output<typeof listFreeSlotsInput>;
  zone: string;
  notice: number;
  defaultDuration: number;
  free: Array<{ start: Date; end: Date }>;
}

/**
 * The one query of a free-slots request: settings and free ranges together.
 * No authorization here: every signed-in user may read this, so the API
 * starts it while the session is still being looked up (apiRoute's
 * `preload`) and listFreeSlots() authorizes before it uses the result.
 */
export async function readFreeTime(db: DatabaseOrTransaction, rawInput: ListFreeSlotsInput): Promise<FreeTime> {
  const input = parseInput(listFreeSlotsInput, rawInput);
  // Prepared: planning it took about as long as running it.
  const rows = await selectPreparedRows<{
    zone: string;
    notice: number;
    default_duration: number;
    starts_at: string | Date | null;
    ends_at: string | Date | null;
  }>(db, "free_time", freeTimeQuery({ coachId: input.coachId, from: input.from, to: input.to, businessTimeZone: businessTimeZone() }));
  const coach = rows[0];
  if (!coach) throw new AppError("not_found", `No coach with id ${input.coachId}`);
  const free: FreeTime["free"] = [];
  for (const row of rows) {
    if (row.starts_at !== null && row.ends_at !== null) free.push({ start: new Date(row.starts_at), end: new Date(row.ends_at) });
  }
  return { input, zone: coach.zone, notice: Number(coach.notice), defaultDuration: Number(coach.default_duration), free };
}

export async function listFreeSlots(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: ListFreeSlotsInput;
  now?: Date;
  /** readFreeTime() of the same input, already started (apiRoute's preload); read here when absent. Awaited only once the actor may list coaches. */
  freeTime?: Promise<FreeTime>;
}): Promise<FreeSlots> {
  assertCan(options.actor, "coaches:list");
  const { input, zone, notice, defaultDuration, free } = await (options.freeTime ?? readFreeTime(options.db, options.input));
  const now = options.now ?? new Date();

  const duration = input.duration ?? defaultDuration;
  const starts = enumerateSlotStarts({
    free,
    timeZone: zone,
    durationMinutes: duration,
    earliestStart: new Date(now.getTime() + notice * 60_000),
    window: localDatesWindow(input.from, input.to, zone),
  });
  const iso = isoInstantFormatter();
  const step = duration * 60_000;
  const slots = new Array<{ startsAt: string; endsAt: string }>(starts.length);
  for (let i = 0; i < starts.length; i += 1) slots[i] = { startsAt: iso(starts[i]!), endsAt: iso(starts[i]! + step) };
  return { coachId: input.coachId, timezone: zone, duration, slots };
}
