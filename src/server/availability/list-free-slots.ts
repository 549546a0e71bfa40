// A coach's free, bookable slots over local dates from..to (inclusive, in the
// coach's zone): any signed-in user. The pipeline's first step in one SQL
// statement — rules ∪ additions − blocked slots − sessions as multiranges
// (freeTimeQuery) — then cut into slots by the pure enumerateSlotStarts():
// starts on the coach's local :00/:30, no earlier than now + the coach's
// minimum notice, each `duration` minutes wholly inside free time. Free time
// and its slot starts are kept between requests while the coach's calendar
// version stays the same (free-time-cache.ts).
// See docs/decisions/0007-free-time-cache-and-calendar-versions.md.
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import { preparedSelect, selectPreparedRows, type DatabaseOrTransaction } from "@/db";
import { AppError } from "@/domain/errors";
import { daysInclusive, enumerateSlotStarts, localDatesWindow } from "@/domain/slots";
import { isoInstantFormatter } from "@/domain/time";
import { businessTimeZone } from "../config";
import { calendarDate, recordId } from "../fields";
import { parseInput } from "../validation";
import * as viewFields from "../view-fields";
import { calendarVersionQuery, freeTimeQuery } from "./availability-sql";
import { JsonText } from "../json-text";
import { SLOT_LISTS_PER_ENTRY, freeTimeCache, freeTimeKey, type CoachFreeTime, type SlotList } from "./free-time-cache";

export const MAX_SLOT_DAYS = 62;

const calendarVersion = preparedSelect<{ version: string }>("calendar_version", calendarVersionQuery);

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

export const freeSlotsSchema = z.strictObject({
  coachId: viewFields.recordId,
  timezone: viewFields.timeZoneName.describe("The coach's zone: from/to are its local dates, slots start on its :00 and :30."),
  duration: z.number().int().describe("Minutes per slot."),
  slots: z.array(z.strictObject({ startsAt: viewFields.instant, endsAt: viewFields.instant })),
});

export type FreeSlots = z.infer<typeof freeSlotsSchema>;

/** What readFreeTime() found: the validated input and the coach's free time (maybe kept from an earlier request). */
export interface FreeTime {
  /** The validated input it was read for: the answer is built from this one. */
  input: z.output<typeof listFreeSlotsInput>;
  calendar: CoachFreeTime;
}

/**
 * The free time of a free-slots request: when this process holds it
 * (free-time-cache.ts), one small query for the coach's calendar version;
 * when it does not, or the version moved, one statement for the settings,
 * the version and the free ranges together.
 * No authorization here: every signed-in user may read this, so the API
 * starts it while the session is still being looked up (apiRoute's
 * `preload`) and listFreeSlots() authorizes before it uses the result.
 */
export async function readFreeTime(db: DatabaseOrTransaction, rawInput: ListFreeSlotsInput): Promise<FreeTime> {
  const input = parseInput(listFreeSlotsInput, rawInput);
  const zone = businessTimeZone();
  const cache = freeTimeCache(db);
  const key = freeTimeKey(input.coachId, input.from, input.to, zone);
  const known = cache?.get(key);
  if (known) {
    const [current] = await calendarVersion(db, { coachId: input.coachId });
    if (!current) throw notACoach(input.coachId);
    if (current.version === known.version) return { input, calendar: known };
  }
  // Prepared: planning it took about as long as running it.
  const rows = await selectPreparedRows<{
    version: string;
    zone: string;
    notice: number;
    default_duration: number;
    starts_at: string | Date | null;
    ends_at: string | Date | null;
  }>(db, "free_time", freeTimeQuery({ coachId: input.coachId, from: input.from, to: input.to, businessTimeZone: zone }));
  const coach = rows[0];
  if (!coach) throw notACoach(input.coachId);
  const free: CoachFreeTime["free"] = [];
  for (const row of rows) {
    if (row.starts_at !== null && row.ends_at !== null) free.push({ start: new Date(row.starts_at), end: new Date(row.ends_at) });
  }
  const calendar: CoachFreeTime = {
    version: coach.version,
    zone: coach.zone,
    notice: Number(coach.notice),
    defaultDuration: Number(coach.default_duration),
    free,
    slots: new Map(),
  };
  cache?.set(key, calendar);
  return { input, calendar };
}

const notACoach = (coachId: string) => new AppError("not_found", `No coach with id ${coachId}`);

interface ListFreeSlotsOptions {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: ListFreeSlotsInput;
  now?: Date;
  /** readFreeTime() of the same input, already started (apiRoute's preload); read here when absent. Awaited only once the actor may list coaches. */
  freeTime?: Promise<FreeTime>;
}

export async function listFreeSlots(options: ListFreeSlotsOptions): Promise<FreeSlots> {
  return freeSlotsAnswer(await bookableSlots(options));
}

/**
 * listFreeSlots() as the JSON text of its answer, for the API. The text is
 * kept with the coach's free time, and sent again as long as the calendar
 * version and the first bookable slot stay the same (a new first slot, as
 * time passes the notice, builds it anew).
 */
export async function listFreeSlotsJson(options: ListFreeSlotsOptions): Promise<JsonText> {
  const bookable = await bookableSlots(options);
  const { list, first } = bookable;
  if (list.answer?.first !== first) list.answer = { first, json: new JsonText(JSON.stringify(freeSlotsAnswer(bookable))) };
  return list.answer.json;
}

/** The authorized read: the free time, its slot list for the duration, and the first slot far enough ahead. */
async function bookableSlots(options: ListFreeSlotsOptions) {
  assertCan(options.actor, "coaches:list");
  const { input, calendar } = await (options.freeTime ?? readFreeTime(options.db, options.input));
  const now = options.now ?? new Date();
  const duration = input.duration ?? calendar.defaultDuration;
  const list = slotList(calendar, input, duration);
  // The starts are in order: skip those before now + notice.
  const earliest = now.getTime() + calendar.notice * 60_000;
  let first = 0;
  for (let last = list.starts.length; first < last; ) {
    const middle = (first + last) >>> 1;
    if (list.starts[middle]! < earliest) first = middle + 1;
    else last = middle;
  }
  return { input, calendar, duration, list, first };
}

/** The answer of both listFreeSlots() and listFreeSlotsJson(): the slots from the first bookable one on. */
function freeSlotsAnswer({ input, calendar, duration, list, first }: Awaited<ReturnType<typeof bookableSlots>>): FreeSlots {
  return { coachId: input.coachId, timezone: calendar.zone, duration, slots: slotObjects(list.starts, first, duration) };
}

function slotObjects(starts: number[], first: number, duration: number): FreeSlots["slots"] {
  const iso = isoInstantFormatter();
  const step = duration * 60_000;
  const slots = new Array<{ startsAt: string; endsAt: string }>(starts.length - first);
  for (let i = first; i < starts.length; i += 1) slots[i - first] = { startsAt: iso(starts[i]!), endsAt: iso(starts[i]! + step) };
  return slots;
}

/** The calendar's slots of `duration` minutes over the input's dates, cut once per calendar version. */
function slotList(calendar: CoachFreeTime, input: FreeTime["input"], duration: number): SlotList {
  let list = calendar.slots.get(duration);
  if (!list) {
    const starts = enumerateSlotStarts({
      free: calendar.free,
      timeZone: calendar.zone,
      durationMinutes: duration,
      earliestStart: new Date(-8.64e15),
      window: localDatesWindow(input.from, input.to, calendar.zone),
    });
    if (calendar.slots.size >= SLOT_LISTS_PER_ENTRY) calendar.slots.clear();
    calendar.slots.set(duration, (list = { starts }));
  }
  return list;
}
