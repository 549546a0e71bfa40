// Property test (fast-check): enumerateSlots(), which looks a zone's offset up
// once per span of constant offset, gives exactly the slots of the original
// per-slot version kept below as the reference (one Temporal lookup per slot
// start through nextAlignedStart()). Drawn in 20 zones (30-minute DST, +05:45,
// southern DST, abolished DST, Kathmandu's and Monrovia's odd-minute changes)
// around every offset change 1970–2037 and at uniform dates 2000–2037, with
// ranges in any order, overlapping or not, any minute.
import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { isoInstantFormatter } from "@/domain/time";
import { enumerateSlots, nextAlignedStart, SLOT_ALIGNMENT_MINUTES, type EnumerateSlotsInput, type Slot } from "@/domain/slots";
import { DAY, DAYS_2000_2037, MINUTE, ZONES } from "../helpers/time-zones";

/** The implementation before the span cache, verbatim: the reference. */
function referenceEnumerateSlots(input: EnumerateSlotsInput): Slot[] {
  const duration = input.durationMinutes * MINUTE;
  const from = Math.max(input.earliestStart.getTime(), input.window.start.getTime());
  const until = input.window.end.getTime();
  const slots: Slot[] = [];
  const ranges = [...input.free].sort((a, b) => a.start.getTime() - b.start.getTime());

  for (const range of ranges) {
    const rangeEnd = range.end.getTime();
    let start = nextAlignedStart(Math.max(range.start.getTime(), from), input.timeZone);
    while (start < until && start + duration <= rangeEnd) {
      slots.push({ startsAt: new Date(start), endsAt: new Date(start + duration) });
      start = nextAlignedStart(start + SLOT_ALIGNMENT_MINUTES * MINUTE, input.timeZone);
    }
  }
  return slots;
}

const FIRST_MS = Date.UTC(2000, 0, 1);

/**
 * Whole-hour and 30-minute changes keep :00/:30 aligned either way; the
 * changes that break alignment are older: Kathmandu +05:30 → +05:45 (1986),
 * Monrovia −00:44:30 → 00:00 (1972). So: every change 1970–2037 of these zones.
 */
const CHANGE_ZONES = [...ZONES, "Africa/Monrovia", "America/Caracas"].filter((zone) => zone !== "UTC");
const CHANGES = new Map(
  CHANGE_ZONES.map((zone) => {
    const found: number[] = [];
    let at = Temporal.ZonedDateTime.from({ year: 1970, month: 1, day: 1, timeZone: zone });
    for (;;) {
      const next = at.getTimeZoneTransition("next");
      if (!next || next.year > 2037) break;
      found.push(next.epochMilliseconds);
      at = next;
    }
    return [zone, found] as const;
  }).filter(([, found]) => found.length > 0),
);

/** A zone and an instant: near one of its offset changes (±2 days, any minute), or anywhere 2000–2037. */
const anchor: fc.Arbitrary<{ zone: string; at: number }> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(...CHANGES.keys()).chain((zone) =>
      fc
        .record({ change: fc.constantFrom(...CHANGES.get(zone)!), minutes: fc.integer({ min: -2 * 1440, max: 2 * 1440 }) })
        .map(({ change, minutes }) => ({ zone, at: change + minutes * MINUTE })),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ zone: fc.constantFrom(...ZONES), day: fc.integer({ min: 0, max: DAYS_2000_2037 }), minute: fc.integer({ min: 0, max: 1439 }) })
      .map(({ zone, day, minute }) => ({ zone, at: FIRST_MS + day * DAY + minute * MINUTE })),
  },
);

/** Mostly whole quarter hours (what the database hands over), sometimes any minute. */
const minutes = (max: number) =>
  fc.oneof(fc.integer({ min: 0, max: Math.floor(max / 15) }).map((quarters) => quarters * 15), fc.integer({ min: 0, max }));

/** Free ranges after the anchor: gaps and lengths in minutes; `overlap` lets a range start before the previous one ends. */
const ranges = fc.array(fc.record({ gap: minutes(600), length: minutes(900), overlap: fc.boolean() }), { maxLength: 12 });

const enumerateCase = fc
  .record({
    anchor,
    ranges,
    shuffle: fc.func(fc.integer()),
    duration: fc.integer({ min: 1, max: 32 }).map((quarters) => quarters * 15),
    notice: fc.integer({ min: -1440, max: 1440 }),
    windowStart: fc.integer({ min: -1440, max: 1440 }),
    windowLength: fc.integer({ min: 0, max: 4 * 1440 }),
  })
  .map(({ anchor: { zone, at }, ranges: drawn, shuffle, duration, notice, windowStart, windowLength }): EnumerateSlotsInput => {
    let cursor = at;
    const free = drawn.map(({ gap, length, overlap }) => {
      const start = overlap ? cursor - gap * MINUTE : cursor + gap * MINUTE;
      cursor = Math.max(cursor, start + length * MINUTE);
      return { start: new Date(start), end: new Date(start + length * MINUTE) };
    });
    const shuffled = free.map((range, index) => ({ range, key: shuffle(index) })).sort((a, b) => a.key - b.key);
    const windowFrom = at + windowStart * MINUTE;
    return {
      free: shuffled.map(({ range }) => range),
      timeZone: zone,
      durationMinutes: duration,
      earliestStart: new Date(at + notice * MINUTE),
      window: { start: new Date(windowFrom), end: new Date(windowFrom + windowLength * MINUTE) },
    };
  });

/** What the route asks for: 6 weeks of daily free time (a morning and an evening range) from a local date near a change. */
const calendarCase = fc
  .record({ anchor, morning: fc.integer({ min: 0, max: 12 * 60 }), length: minutes(480), evening: minutes(600), duration: fc.constantFrom(30, 45, 60, 90) })
  .map(({ anchor: { zone, at }, morning, length, evening, duration }): EnumerateSlotsInput => {
    const firstDate = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).toPlainDate();
    const free = [];
    for (let day = 0; day < 43; day += 1) {
      const midnight = firstDate.add({ days: day }).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
      const start = midnight + morning * MINUTE;
      free.push({ start: new Date(start), end: new Date(start + length * MINUTE) });
      free.push({ start: new Date(start + (length + 60) * MINUTE), end: new Date(start + (length + 60 + evening) * MINUTE) });
    }
    return {
      free,
      timeZone: zone,
      durationMinutes: duration,
      earliestStart: new Date(at),
      window: { start: free[0]!.start, end: new Date(free[0]!.start.getTime() + 42 * DAY) },
    };
  });

const iso = (slots: Slot[]) => slots.map((slot) => `${slot.startsAt.toISOString()}/${slot.endsAt.toISOString()}`);

describe("enumerateSlots equals the per-slot reference", () => {
  it("for any free ranges, notice and window near offset changes and elsewhere", () => {
    fc.assert(
      fc.property(enumerateCase, (input) => {
        expect(iso(enumerateSlots(input))).toEqual(iso(referenceEnumerateSlots(input)));
      }),
      { numRuns: 1500 },
    );
  });

  it("for 6-week calendars like the route's, across offset changes", () => {
    fc.assert(
      fc.property(calendarCase, (input) => {
        expect(iso(enumerateSlots(input))).toEqual(iso(referenceEnumerateSlots(input)));
      }),
      { numRuns: 150 },
    );
  });
});

describe("isoInstantFormatter equals Date's toISOString", () => {
  /** Instants of 2000–2037 mostly, any the Date range allows sometimes, fractional now and then. */
  const instant = fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: FIRST_MS, max: FIRST_MS + (DAYS_2000_2037 + 1) * DAY }) },
    { weight: 1, arbitrary: fc.integer({ min: -8.64e15, max: 8.64e15 }) },
    { weight: 1, arbitrary: fc.double({ min: -1e13, max: 1e13, noNaN: true }) },
  );

  it("for any sequence of instants, in order or not (the formatter keeps its last day)", () => {
    fc.assert(
      fc.property(fc.array(instant, { maxLength: 40 }), fc.boolean(), (instants, sorted) => {
        const sequence = sorted ? [...instants].sort((a, b) => a - b) : instants;
        const iso = isoInstantFormatter();
        expect(sequence.map((ms) => iso(ms))).toEqual(sequence.map((ms) => new Date(ms).toISOString()));
      }),
      { numRuns: 2000 },
    );
  });
});
