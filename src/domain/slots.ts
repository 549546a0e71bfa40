// Free slots: the last step of "availability − blocked − sessions". The
// database computes the coach's free time as disjoint instant ranges (one
// query, src/server/availability/list-free-slots.ts); this pure function cuts
// them into bookable slots:
//   - a slot starts on :00 or :30 of the coach's LOCAL wall clock (in a
//     +05:45 zone that is :15 and :45 UTC), also across a DST change, where
//     consecutive starts stay 30 real minutes apart (01:30 EST → 03:00 EDT);
//   - it lasts `durationMinutes` and lies wholly inside one free range;
//   - it starts inside the requested window (the local dates asked for) and
//     no earlier than `earliestStart` (now + the coach's minimum notice).
// Pure: no I/O, no clock.
import { Temporal } from "temporal-polyfill";
import { epochDayOf, wallClockToInstant } from "./time";

export interface InstantRange {
  start: Date;
  end: Date;
}

export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

/** Slot starts are aligned to this many minutes of local time (:00 and :30). */
export const SLOT_ALIGNMENT_MINUTES = 30;

const MINUTE = 60_000;

export interface EnumerateSlotsInput {
  /** Free time, half-open [start, end) ranges (disjoint; any order). */
  free: readonly InstantRange[];
  /** The coach's IANA zone: alignment is to its wall clock. */
  timeZone: string;
  durationMinutes: number;
  /** No slot starts before this instant (now + minimum notice). */
  earliestStart: Date;
  /** Slot starts lie in [window.start, window.end): the requested local dates. */
  window: InstantRange;
}

export function enumerateSlots(input: EnumerateSlotsInput): Slot[] {
  const duration = input.durationMinutes * MINUTE;
  return enumerateSlotStarts(input).map((start) => ({ startsAt: new Date(start), endsAt: new Date(start + duration) }));
}

/**
 * enumerateSlots() as epoch milliseconds of the starts (each slot ends
 * `durationMinutes` later), for callers that format thousands of them and
 * need no Date objects (under `next start`, Date is wrapped and costly).
 */
export function enumerateSlotStarts(input: EnumerateSlotsInput): number[] {
  const duration = input.durationMinutes * MINUTE;
  const step = SLOT_ALIGNMENT_MINUTES * MINUTE;
  const from = Math.max(input.earliestStart.getTime(), input.window.start.getTime());
  const until = input.window.end.getTime();
  const starts: number[] = [];
  const ranges = [...input.free].sort((a, b) => a.start.getTime() - b.start.getTime());
  const offsets = new OffsetSpans(input.timeZone);

  for (const range of ranges) {
    const rangeEnd = range.end.getTime();
    let start = offsets.nextAlignedStart(Math.max(range.start.getTime(), from));
    while (start < until && start + duration <= rangeEnd) {
      starts.push(start);
      // 30 real minutes later while the offset holds; re-aligned when it changes.
      const next = start + step;
      start = next < offsets.spanEnd ? next : offsets.nextAlignedStart(next);
    }
  }
  return starts;
}

/**
 * nextAlignedStart() with the zone's offset looked up once per span of
 * constant offset instead of once or twice per slot: Temporal's offset lookup
 * costs tens of microseconds, and 6 weeks hold ~1,000 slot starts but at most
 * a couple of offset changes. Inside a known span the aligned start is plain
 * arithmetic; a start at or past the span's end (the next offset change) goes
 * through nextAlignedStart() itself, so DST handling has one definition.
 * Expects non-decreasing arguments (it still answers right otherwise, slower).
 */
class OffsetSpans {
  /** The offset (ms) in force on [spanStart, spanEnd). */
  private offset = 0;
  private spanStart = Infinity;
  spanEnd = -Infinity;

  constructor(private readonly timeZone: string) {}

  nextAlignedStart(epochMs: number): number {
    if (epochMs < this.spanStart || epochMs >= this.spanEnd) {
      const zoned = zonedAt(epochMs, this.timeZone);
      this.offset = zoned.offsetNanoseconds / 1e6;
      this.spanStart = epochMs;
      this.spanEnd = zoned.getTimeZoneTransition("next")?.epochMilliseconds ?? Infinity;
    }
    const step = SLOT_ALIGNMENT_MINUTES * MINUTE;
    const candidate = Math.ceil((epochMs + this.offset) / step) * step - this.offset;
    return candidate < this.spanEnd ? candidate : nextAlignedStart(epochMs, this.timeZone);
  }
}

/** The first instant at or after `epochMs` whose local wall clock in `timeZone` reads :00 or :30 exactly. */
export function nextAlignedStart(epochMs: number, timeZone: string): number {
  const zoned = zonedAt(epochMs, timeZone);
  const offset = zoned.offsetNanoseconds / 1e6;
  const step = SLOT_ALIGNMENT_MINUTES * MINUTE;
  const candidate = Math.ceil((epochMs + offset) / step) * step - offset;
  if (zonedAt(candidate, timeZone).offsetNanoseconds / 1e6 === offset) return candidate;
  // The offset changes before the candidate (a DST change within 30
  // minutes): align again from the change, with the new offset.
  const transition = zoned.getTimeZoneTransition("next")!;
  return nextAlignedStart(transition.epochMilliseconds, timeZone);
}

function zonedAt(epochMs: number, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone);
}

/**
 * The instants covered by the local dates `from`..`to` (inclusive) in
 * `timeZone`: from the start of `from` to the start of the day after `to`
 * (local midnight, with DESIGN.md's rule when midnight does not exist).
 */
export function localDatesWindow(from: string, to: string, timeZone: string): InstantRange {
  const dayAfter = Temporal.PlainDate.from(to).add({ days: 1 }).toString();
  return { start: wallClockToInstant(from, "00:00", timeZone), end: wallClockToInstant(dayAfter, "00:00", timeZone) };
}

/** Whole days from `from` to `to` (YYYY-MM-DD), inclusive: 1 when they are equal. */
export function daysInclusive(from: string, to: string): number {
  const first = epochDayOf(from);
  const last = epochDayOf(to);
  if (first === undefined || last === undefined) throw new RangeError(`Not a calendar date: ${first === undefined ? from : to}`);
  return last - first + 1;
}
