// Time zones and local-time samples for the time property tests
// (tests/unit/time-properties.test.ts, tests/integration/time-sql-parity.test.ts):
// 18 zones with every kind of offset, every offset change 2000–2037, and
// fast-check arbitraries for local wall-clock times, uniform or near a change.
import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import type { WeeklySeries } from "@/domain/recurrence";

/** Zones with every kind of offset: none, half/quarter hours, 30-minute DST, southern DST, abolished DST, Ramadan DST, a skipped day. */
export const ZONES = [
  "UTC",
  "Europe/Paris",
  "Europe/London",
  "America/New_York",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "America/Santiago",
  "America/St_Johns",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Asia/Tehran",
  "Australia/Adelaide",
  "Australia/Lord_Howe",
  "Australia/Sydney",
  "Pacific/Auckland",
  "Pacific/Chatham",
  "Africa/Casablanca",
  "Pacific/Apia",
] as const;

export const MINUTE = 60_000;
export const DAY = 86_400_000;
export const FIRST_DAY = Temporal.PlainDate.from("2000-01-01");
export const DAYS_2000_2037 = FIRST_DAY.until("2037-12-31", { largestUnit: "days" }).days;

/** Every offset change of `zone` in 2000–2037, as the local wall clock just before and at it. */
export function transitionsOf(zone: string): Temporal.PlainDateTime[] {
  const found: Temporal.PlainDateTime[] = [];
  let at = Temporal.ZonedDateTime.from({ year: 2000, month: 1, day: 1, timeZone: zone });
  for (;;) {
    const next = at.getTimeZoneTransition("next");
    if (!next || next.year > 2037) break;
    found.push(next.subtract({ nanoseconds: 1 }).toPlainDateTime().round({ smallestUnit: "minute", roundingMode: "floor" }));
    found.push(next.toPlainDateTime());
    at = next;
  }
  return found;
}
export const TRANSITIONS = new Map<string, Temporal.PlainDateTime[]>(ZONES.map((zone) => [zone, transitionsOf(zone)]));
export const ZONES_WITH_TRANSITIONS = ZONES.filter((zone) => TRANSITIONS.get(zone)!.length > 0);

export interface LocalSample {
  zone: string;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
}

export function sample(zone: string, local: Temporal.PlainDateTime): LocalSample {
  return { zone, date: local.toPlainDate().toString(), time: local.toPlainTime().toString({ smallestUnit: "minute" }) };
}

/** Any minute of any day 2000–2037, in any zone. */
export const uniformLocal: fc.Arbitrary<LocalSample> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    day: fc.integer({ min: 0, max: DAYS_2000_2037 }),
    minute: fc.integer({ min: 0, max: 1439 }),
  })
  .map(({ zone, day, minute }) =>
    sample(zone, FIRST_DAY.add({ days: day }).toPlainDateTime({ hour: Math.floor(minute / 60), minute: minute % 60 })),
  );

/** A local time within ±3 h of one of the zone's offset changes (gaps and repeated hours live there). */
export const nearTransitionLocal: fc.Arbitrary<LocalSample> = fc
  .constantFrom(...ZONES_WITH_TRANSITIONS)
  .chain((zone) =>
    fc
      .record({
        at: fc.constantFrom(...TRANSITIONS.get(zone)!),
        // Mostly whole quarter hours (the realistic case), sometimes any minute.
        minutes: fc.oneof(
          fc.integer({ min: -12, max: 12 }).map((quarters) => quarters * 15),
          fc.integer({ min: -180, max: 180 }),
        ),
      })
      .map(({ at, minutes }) => sample(zone, at.add({ minutes }))),
  );

// ── Weekly series and generator windows ───────────────────────────────────

/** Any wall-clock time HH:MM. */
export const hhmm = fc
  .integer({ min: 0, max: 1439 })
  .map((m) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`);
/** 00:00–04:00: where offset changes happen. */
export const smallHours = fc.integer({ min: 0, max: 240 }).map((m) => `0${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}`);

/** A weekly series in a zone, and a generator window (after, until). */
export interface SeriesCase {
  zone: string;
  series: WeeklySeries;
  after: Date;
  until: Date;
}

/** What the tests draw for a SeriesCase: the window relative to startDate, the end as days after it. */
export interface SeriesDraw {
  zone: string;
  dayOfWeek: number;
  times: [string, string];
  startDate: string;
  endDays: number | null;
  frequency: number;
  /** Window start, in minutes after startDate 00:00Z (may be negative). */
  afterMinutes: number;
  lengthMinutes: number;
}

export function toSeriesCase({ zone, dayOfWeek, times, startDate, endDays, frequency, afterMinutes, lengthMinutes }: SeriesDraw): SeriesCase {
  const after = new Date(Date.parse(`${startDate}T00:00:00Z`) + afterMinutes * MINUTE);
  return {
    zone,
    series: {
      dayOfWeek,
      startTime: times[0],
      endTime: times[1],
      startDate,
      endDate: endDays === null ? null : Temporal.PlainDate.from(startDate).add({ days: endDays }).toString(),
      frequency,
    },
    after,
    until: new Date(after.getTime() + lengthMinutes * MINUTE),
  };
}
