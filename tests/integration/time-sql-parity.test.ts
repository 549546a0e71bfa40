// TypeScript and SQL agree on time (DESIGN.md, "Time model"), on a real
// database (PGlite, or PostgreSQL when DATABASE_URL is set):
// (a) wallClockToInstant() (src/domain/time.ts) == wall_clock_to_instant()
//     (drizzle/0002): every offset change 2000–2037 of 18 zones swept, then
//     random batches (biased towards the changes), one query per batch;
// (b) wallClockRange() (src/db/wall-clock-sql.ts, each end converted once)
//     == wall_clock_end() (drizzle/0002) == wallClockEnd() (src/domain/time.ts)
//     for ranges starting around every offset change;
// (c) occurrencesBetween() (src/domain/recurrence.ts) == planOccurrences()
//     (src/server/sessions/occurrences-sql.ts) for random series and windows.
// The TypeScript side is checked against the rule itself in
// tests/unit/time-properties.test.ts.
// See docs/decisions/0008-wall-clock-time-rule.md.
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { occurrencesBetween } from "@/domain/recurrence";
import { wallClockRange } from "@/db/wall-clock-sql";
import { wallClockEnd, wallClockToInstant } from "@/domain/time";
import { planOccurrences } from "@/server/sessions/occurrences-sql";
import { ALL_WEEK, addPerson, addSeries, addWeeklyRules } from "../helpers/people";
import { useMigratedDatabase } from "../helpers/test-database";
import {
  DAY,
  DAYS_2000_2037,
  FIRST_DAY,
  TRANSITIONS,
  ZONES,
  ZONES_WITH_TRANSITIONS,
  hhmm,
  nearTransitionLocal,
  sample,
  smallHours,
  toSeriesCase,
  uniformLocal,
  type LocalSample,
  type SeriesCase,
} from "../helpers/time-zones";

const ON_PGLITE = !process.env.DATABASE_URL;

/**
 * tz-database difference, not a rule difference: PGlite 0.5.16 (PostgreSQL
 * 18.6) ships an Africa/Casablanca whose transition table stops at
 * 2026-09-20T01:00Z and whose footer is `<+00>0`, i.e. permanent UTC+00 from
 * then on. tzdata 2025b/2025c (PostgreSQL 15 with system tzdata here, Node 20's
 * ICU) keep UTC+01 with a UTC+00 month around each Ramadan, listed up to 2087.
 * So on PGlite both sides disagree by an hour for Casablanca from 2026-09-20
 * on, whatever the local time; every earlier Casablanca transition agrees.
 * The generators leave Casablanca after that date out on PGlite only; the
 * last test below fails once PGlite's data is fixed, so the restriction can go.
 */
const PGLITE_CASABLANCA_LAST_GOOD_DATE = "2026-09-18";
function comparable(zone: string, date: string): boolean {
  return !(ON_PGLITE && zone === "Africa/Casablanca" && date > PGLITE_CASABLANCA_LAST_GOOD_DATE);
}

const anyLocal = fc
  .oneof({ arbitrary: nearTransitionLocal, weight: 3 }, { arbitrary: uniformLocal, weight: 1 })
  .filter(({ zone, date }) => comparable(zone, date));

let db: DatabaseOrTransaction;

useMigratedDatabase((handle) => {
  db = handle.db;
});

/**
 * wall_clock_to_instant() for every sample, in ONE query (the arrays travel
 * as two array parameters: `sql.param` keeps drizzle from spreading a JS
 * array into a `($1, $2, …)` list), as epoch milliseconds so the answer does
 * not depend on how either driver renders timestamptz or on the session zone.
 */
async function sqlInstants(on: DatabaseOrTransaction, samples: readonly LocalSample[]): Promise<number[]> {
  const locals = samples.map((s) => `${s.date} ${s.time}`);
  const zones = samples.map((s) => s.zone);
  const rows = await selectRows<{ ms: number | string }>(
    on,
    sql`SELECT extract(epoch FROM wall_clock_to_instant(l::timestamp, z))::float8 * 1000 AS ms
        FROM unnest(${sql.param(locals)}::text[], ${sql.param(zones)}::text[]) WITH ORDINALITY AS t(l, z, n)
        ORDER BY n`,
  );
  return rows.map((row) => Number(row.ms));
}

function mismatches(samples: readonly LocalSample[], fromSql: readonly number[]): string[] {
  expect(fromSql).toHaveLength(samples.length);
  return samples.flatMap((s, i) => {
    const ts = wallClockToInstant(s.date, s.time, s.zone).toISOString();
    const fromDb = new Date(fromSql[i]!).toISOString();
    return ts === fromDb ? [] : [`${s.zone} ${s.date} ${s.time}: TS ${ts}, SQL ${fromDb}`];
  });
}

describe("wall_clock_to_instant() == wallClockToInstant()", () => {
  // Every offset change 2000–2037 of every zone, each side of it, every 30 minutes within ±3 h.
  const sweep: LocalSample[] = [];
  for (const zone of ZONES_WITH_TRANSITIONS) {
    for (const at of TRANSITIONS.get(zone)!) {
      for (let minutes = -180; minutes <= 180; minutes += 30) {
        const s = sample(zone, at.add({ minutes }));
        if (comparable(s.zone, s.date)) sweep.push(s);
      }
    }
  }

  it(`agrees around every offset change 2000–2037 (${sweep.length} local times)`, async () => {
    expect(mismatches(sweep, await sqlInstants(db, sweep)).slice(0, 20)).toEqual([]);
  });

  it("agrees whatever the session's TimeZone (the function is STABLE, and its answer must not depend on that setting)", async () => {
    // `- interval '1 day'` on a timestamptz counts days in the session's zone.
    const someOfSweep = sweep.filter((_, i) => i % 3 === 0);
    for (const sessionZone of ["America/New_York", "Pacific/Chatham"]) {
      const fromSql = await db.transaction(async (tx) => {
        await tx.execute(sql.raw(`SET LOCAL TIME ZONE '${sessionZone}'`));
        return sqlInstants(tx, someOfSweep);
      });
      expect(mismatches(someOfSweep, fromSql).slice(0, 20)).toEqual([]);
    }
  });

  it("agrees on random batches of local times (biased towards offset changes)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyLocal, { minLength: 1, maxLength: 120, size: "max" }), async (samples) => {
        expect(mismatches(samples, await sqlInstants(db, samples))).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});

describe("wallClockRange() == wall_clock_end() == wallClockEnd()", () => {
  // Ranges starting every 30 minutes within ±3 h of every offset change
  // 2000–2037, 30 minutes to 3 hours long, ending on the same date (every
  // change is on a :00 or :30, so starts and ends fall before, inside and
  // after each gap or fold).
  const ranges: Array<LocalSample & { end: string }> = [];
  for (const zone of ZONES_WITH_TRANSITIONS) {
    for (const at of TRANSITIONS.get(zone)!) {
      for (let minutes = -180; minutes <= 180; minutes += 30) {
        const start = sample(zone, at.add({ minutes }));
        if (!comparable(start.zone, start.date)) continue;
        for (const length of [30, 60, 90, 180]) {
          const end = sample(zone, at.add({ minutes: minutes + length }));
          if (end.date === start.date) ranges.push({ ...start, end: end.time });
        }
      }
    }
  }

  it(`agrees on ${ranges.length} ranges around every offset change`, async () => {
    const rows = await selectRows<{ starts_ms: number | string; ends_ms: number | string; function_ms: number | string }>(
      db,
      sql`SELECT extract(epoch FROM r.starts_at)::float8 * 1000 AS starts_ms,
                 extract(epoch FROM r.ends_at)::float8 * 1000 AS ends_ms,
                 extract(epoch FROM wall_clock_end(t.d::date, t.s::time, t.e::time, t.z))::float8 * 1000 AS function_ms
          FROM unnest(${sql.param(ranges.map((r) => r.date))}::text[], ${sql.param(ranges.map((r) => r.time))}::text[],
                      ${sql.param(ranges.map((r) => r.end))}::text[], ${sql.param(ranges.map((r) => r.zone))}::text[])
               WITH ORDINALITY AS t(d, s, e, z, n)
          CROSS JOIN LATERAL ${wallClockRange({ date: sql`t.d`, startTime: sql`t.s`, endTime: sql`t.e`, zone: sql`t.z` })} r
          ORDER BY t.n`,
    );
    expect(rows).toHaveLength(ranges.length);
    const wrong = ranges.flatMap((range, i) => {
      const row = rows[i]!;
      const start = wallClockToInstant(range.date, range.time, range.zone).getTime();
      const end = wallClockEnd(range.date, range.time, range.end, range.zone).getTime();
      const fromSql = [Number(row.starts_ms), Number(row.ends_ms), Number(row.function_ms)];
      return fromSql.every((ms, k) => ms === (k === 0 ? start : end))
        ? []
        : [`${range.zone} ${range.date} ${range.time}–${range.end}: TS ${start}→${end}, SQL ${fromSql.join(" / ")}`];
    });
    expect(wrong.slice(0, 20)).toEqual([]);
    // Not vacuous: the sweep holds spring-forward ranges whose end wall_clock_end() moves.
    expect(ranges.some((r) => wallClockEnd(r.date, r.time, r.end, r.zone).getTime() - wallClockToInstant(r.date, r.time, r.zone).getTime() !== 0)).toBe(true);
  });
});

// ── Occurrences ───────────────────────────────────────────────────────────



/** A date 2000–2036 (a year of occurrences stays inside 2037); half the time days before one of the zone's changes. */
function startDateIn(zone: string): fc.Arbitrary<string> {
  const uniform = fc.integer({ min: 0, max: DAYS_2000_2037 - 400 }).map((day) => FIRST_DAY.add({ days: day }).toString());
  const changes = TRANSITIONS.get(zone)!.filter((at) => at.year <= 2036);
  if (changes.length === 0) return uniform;
  const nearChange = fc
    .record({ at: fc.constantFrom(...changes), back: fc.integer({ min: 0, max: 60 }) })
    .map(({ at, back }) => at.toPlainDate().subtract({ days: back }).toString());
  return fc.oneof(uniform, nearChange);
}

const seriesCase: fc.Arbitrary<SeriesCase> = fc
  .constantFrom(...ZONES)
  .chain((zone) =>
    fc.record({
      zone: fc.constant(zone as string),
      dayOfWeek: fc.integer({ min: 0, max: 6 }),
      times: fc
        .tuple(fc.oneof(hhmm, smallHours), fc.oneof(hhmm, smallHours))
        .filter(([a, b]) => a !== b)
        .map(([a, b]): [string, string] => (a < b ? [a, b] : [b, a])),
      startDate: startDateIn(zone),
      endDays: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
      frequency: fc.integer({ min: 1, max: 4 }),
      // The window: from 30 days before the start to 200 days after, 1 minute to 16 weeks long.
      afterMinutes: fc.integer({ min: -30 * 1440, max: 200 * 1440 }),
      lengthMinutes: fc.oneof(
        { arbitrary: fc.integer({ min: 1, max: 16 * 7 * 1440 }), weight: 3 },
        { arbitrary: fc.integer({ min: 1, max: 3 * 1440 }), weight: 1 },
      ),
    }),
  )
  .map(toSeriesCase);

function render(occurrences: ReadonlyArray<{ date: string; startsAt: Date; endsAt: Date }>): string[] {
  return occurrences.map((o) => `${o.date} ${o.startsAt.toISOString()} → ${o.endsAt.toISOString()}`);
}

describe("planOccurrences() == occurrencesBetween()", () => {
  const coachOf = new Map<string, string>();
  let memberId: string;

  beforeAll(async () => {
    // One coach per zone, available all week (the conflict reason is not compared anyway).
    for (const zone of ZONES) {
      const coach = await addPerson(db, "coach", { timezone: zone });
      await addWeeklyRules(db, coach.id, ALL_WEEK);
      coachOf.set(zone, coach.id);
    }
    memberId = (await addPerson(db, "member")).id;
  });

  async function bothSides({ zone, series, after, until }: SeriesCase) {
    const id = await addSeries(db, { memberId, coachId: coachOf.get(zone)!, ...series });
    const fromSql = await planOccurrences(db, { after, until, businessTimeZone: "UTC", series: { id } });
    expect(fromSql.every((o) => o.recurringBookingId === id)).toBe(true);
    return { fromTs: render(occurrencesBetween(series, zone, { after, until })), fromSql: render(fromSql) };
  }

  it("keeps the issue's example: New York, Sundays 10:00–11:00 from 2027-02-28, 6 weeks after 2027-02-20", async () => {
    const after = new Date("2027-02-20T00:00:00Z");
    const { fromTs, fromSql } = await bothSides({
      zone: "America/New_York",
      series: { dayOfWeek: 0, startTime: "10:00", endTime: "11:00", startDate: "2027-02-28", endDate: null, frequency: 1 },
      after,
      until: new Date(after.getTime() + 6 * 7 * DAY),
    });
    expect(fromSql).toEqual([
      "2027-02-28 2027-02-28T15:00:00.000Z → 2027-02-28T16:00:00.000Z",
      "2027-03-07 2027-03-07T15:00:00.000Z → 2027-03-07T16:00:00.000Z",
      "2027-03-14 2027-03-14T14:00:00.000Z → 2027-03-14T15:00:00.000Z",
      "2027-03-21 2027-03-21T14:00:00.000Z → 2027-03-21T15:00:00.000Z",
      "2027-03-28 2027-03-28T14:00:00.000Z → 2027-03-28T15:00:00.000Z",
    ]);
    expect(fromTs).toEqual(fromSql);
  });

  it("agrees for random series and windows", async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(seriesCase, async (c) => {
        const lastDate = new Date(c.until.getTime() + DAY).toISOString().slice(0, 10);
        fc.pre(comparable(c.zone, lastDate));
        // A start pushed past its end by a gap keeps its wall-clock length (see below).
        expect(occurrencesBetween(c.series, c.zone, c).every((o) => o.endsAt > o.startsAt)).toBe(true);
        const { fromTs, fromSql } = await bothSides(c);
        compared += fromTs.length;
        expect(fromSql).toEqual(fromTs);
      }),
      { numRuns: 200 },
    );
    // Not vacuous: about one occurrence per run on average; a loose bound, so an
    // unlucky random draw does not fail the suite.
    expect(compared).toBeGreaterThan(50);
  });

  // "Sundays 02:30–03:00" in New York: on 2027-03-14 02:30 does not exist
  // and moves to 03:30 EDT, but 03:00 EDT exists, so the end would come
  // before the start. The rule (wall_clock_end / wallClockEnd): such a range
  // keeps its wall-clock length from the shifted start, 03:30–04:00 EDT.
  it("keeps the wall-clock length when the start falls in a gap and the end does not", async () => {
    const { fromTs, fromSql } = await bothSides({
      zone: "America/New_York",
      series: { dayOfWeek: 0, startTime: "02:30", endTime: "03:00", startDate: "2027-03-14", endDate: null, frequency: 1 },
      after: new Date("2027-03-10T00:00:00Z"),
      until: new Date("2027-03-20T00:00:00Z"),
    });
    expect(fromTs).toHaveLength(1);
    expect(fromSql).toEqual(fromTs);
    expect(fromTs[0]).toBe("2027-03-14 2027-03-14T07:30:00.000Z → 2027-03-14T08:00:00.000Z");
  });
});

describe("the engines' own tz data (why Casablanca is restricted on PGlite above)", () => {
  it("PostgreSQL agrees with Node on Africa/Casablanca after 2026-09-20; PGlite still says UTC+00", async () => {
    const june2027 = [{ zone: "Africa/Casablanca", date: "2027-06-01", time: "12:00" }];
    expect(wallClockToInstant("2027-06-01", "12:00", "Africa/Casablanca").toISOString()).toBe("2027-06-01T11:00:00.000Z");
    // When PGlite's answer turns 11:00Z, its Casablanca is fixed: drop PGLITE_CASABLANCA_LAST_GOOD_DATE.
    expect(new Date((await sqlInstants(db, june2027))[0]!).toISOString()).toBe(
      ON_PGLITE ? "2027-06-01T12:00:00.000Z" : "2027-06-01T11:00:00.000Z",
    );
  });
});
