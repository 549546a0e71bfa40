// The figures measured against a running app (`next start` on the bench
// database): free slots against the health check, and the booking races.
// The people and their sessions are written straight to the database before
// the server starts; API clients use session tokens written with them (the
// bearer plugin signs an unsigned token and looks it up), so 200 members need
// no 200 sign-ins (which the sign-in rate limit would refuse).
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { startAppServer, type AppServer } from "../../tests/helpers/app-server";
import type { BenchDatabase } from "./bench-database";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Requests of each kind before measuring (see measureHttp). */
const WARM_UP_REQUESTS = 100;

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
}

export interface SlotsFigure {
  sessions: number;
  slots: number;
  requests: number;
  slotsMs: LatencySummary;
  healthMs: LatencySummary;
}

export interface RaceFigure {
  requests: number;
  /** status → count */
  statuses: Record<string, number>;
  latencyMs: LatencySummary;
}

export interface HttpFigures {
  slots: SlotsFigure;
  sameSlot: RaceFigure;
  differentSlots: RaceFigure;
}

interface HttpData {
  slotsCoach: string;
  raceCoach: string;
  viewerToken: string;
  racers: Array<{ token: string }>;
  /** First whole UTC day after today. */
  firstDay: Date;
  sessions: number;
}

/** Writes the coaches, members, sessions and tokens of the HTTP figures. */
export async function seedHttpData(handle: DatabaseHandle, options: { racers: number }): Promise<HttpData> {
  const firstDay = new Date(Math.ceil((Date.now() + DAY_MS) / DAY_MS) * DAY_MS);
  const expires = new Date(Date.now() + DAY_MS).toISOString();
  const tag = randomBytes(4).toString("hex");
  const slotsCoach = `bench-slots-coach-${tag}`;
  const raceCoach = `bench-race-coach-${tag}`;
  const viewer = `bench-viewer-${tag}`;
  const sessionOwner = `bench-regular-${tag}`;
  await handle.exec(`
    INSERT INTO users (id, email, name, role) VALUES
      ('${slotsCoach}', '${slotsCoach}@bench', 'Slots Coach', 'coach'),
      ('${raceCoach}', '${raceCoach}@bench', 'Race Coach', 'coach'),
      ('${viewer}', '${viewer}@bench', 'Viewer', 'member'),
      ('${sessionOwner}', '${sessionOwner}@bench', 'Regular', 'member');
    INSERT INTO coach_settings (coach_id, timezone) VALUES ('${slotsCoach}', 'Europe/Paris'), ('${raceCoach}', 'UTC');
    INSERT INTO weekly_availability (coach_id, day_of_week, start_time, end_time)
      SELECT '${slotsCoach}', d, '06:00', '22:00' FROM generate_series(0, 6) d
      UNION ALL SELECT '${raceCoach}', d, '00:00', '23:59' FROM generate_series(0, 6) d;
    -- 300 one-hour sessions over the 6 weeks: 8 a day (07:00–15:00 UTC) for 37½ days.
    INSERT INTO training_sessions (coach_id, member_id, starts_at, ends_at)
      SELECT '${slotsCoach}', '${sessionOwner}', t, t + interval '1 hour'
      FROM generate_series(0, 299) i,
           LATERAL (SELECT TIMESTAMPTZ '${firstDay.toISOString()}' + (i / 8) * interval '1 day'
                           + (7 + i % 8) * interval '1 hour' AS t) s;
    -- a few blocked slots and additions, as a real calendar has
    INSERT INTO blocked_slots (coach_id, starts_at, ends_at)
      SELECT '${slotsCoach}', TIMESTAMPTZ '${firstDay.toISOString()}' + d * interval '1 day' + interval '18 hours',
             TIMESTAMPTZ '${firstDay.toISOString()}' + d * interval '1 day' + interval '19 hours'
      FROM generate_series(0, 41, 3) d;
    INSERT INTO availability_additions (coach_id, starts_at, ends_at)
      SELECT '${slotsCoach}', TIMESTAMPTZ '${firstDay.toISOString()}' + d * interval '1 day' + interval '21 hours',
             TIMESTAMPTZ '${firstDay.toISOString()}' + d * interval '1 day' + interval '23 hours'
      FROM generate_series(0, 41, 5) d;
    INSERT INTO users (id, email, name, role)
      SELECT 'bench-racer-${tag}-' || i, 'bench-racer-${tag}-' || i || '@bench', 'Racer ' || i, 'member'
      FROM generate_series(1, ${options.racers}) i;
    INSERT INTO sessions (token, user_id, expires_at)
      SELECT 'benchtoken${tag}racer' || i, 'bench-racer-${tag}-' || i, '${expires}'::timestamptz
      FROM generate_series(1, ${options.racers}) i
      UNION ALL SELECT 'benchtoken${tag}viewer', '${viewer}', '${expires}'::timestamptz;
    ANALYZE;`);
  const counted = await handle.db.execute(sql`SELECT count(*)::int AS n FROM training_sessions WHERE coach_id = ${slotsCoach}`);
  return {
    slotsCoach,
    raceCoach,
    viewerToken: `benchtoken${tag}viewer`,
    racers: Array.from({ length: options.racers }, (_, i) => ({ token: `benchtoken${tag}racer${i + 1}` })),
    firstDay,
    sessions: Number(counted.rows[0]!.n),
  };
}

/** Starts the built app on the bench database (PGlite: the caller has closed its handle). */
export function startBenchServer(database: BenchDatabase): Promise<AppServer> {
  return startAppServer({ database: database.location, checkContract: false });
}

export async function measureHttp(
  server: AppServer,
  data: HttpData,
  options: { requests: number },
): Promise<HttpFigures> {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const from = data.firstDay.toISOString().slice(0, 10);
  const to = new Date(data.firstDay.getTime() + 41 * DAY_MS).toISOString().slice(0, 10);
  const slotsPath = `/api/v1/coaches/${data.slotsCoach}/slots?from=${from}&to=${to}`;

  const timed = async (pathname: string, init?: RequestInit): Promise<{ ms: number; status: number; body: string }> => {
    const started = performance.now();
    const response = await server.request(pathname, init);
    const body = await response.text();
    return { ms: performance.now() - started, status: response.status, body };
  };
  const expectOk = (result: { status: number; body: string }, what: string) => {
    if (result.status !== 200) throw new Error(`${what}: ${result.status} ${result.body.slice(0, 500)}`);
  };

  // Warm both routes up, to measure the server in its steady state: the
  // route compiled and optimised by V8, every connection of the pool (10)
  // open, and past PostgreSQL's first five custom plans of each prepared
  // statement on each of them. The first ~50 requests are slower (13–29 ms
  // outliers) and weighed on the p95 with a warm-up of 10.
  for (let i = 0; i < WARM_UP_REQUESTS; i += 1) {
    expectOk(await timed("/api/health"), "GET /api/health");
    expectOk(await timed(slotsPath, { headers: bearer(data.viewerToken) }), "GET slots");
  }
  // Interleaved, one at a time: both see the same machine load.
  const health: number[] = [];
  const slots: number[] = [];
  let lastSlotsBody = "";
  for (let i = 0; i < options.requests; i += 1) {
    const h = await timed("/api/health");
    expectOk(h, "GET /api/health");
    health.push(h.ms);
    const s = await timed(slotsPath, { headers: bearer(data.viewerToken) });
    expectOk(s, "GET slots");
    slots.push(s.ms);
    lastSlotsBody = s.body;
  }
  // Parsed once, after measuring: the client's own work stays out of the timings.
  const slotCount = (JSON.parse(lastSlotsBody) as { slots: unknown[] }).slots.length;

  const book = (token: string, startsAt: Date) =>
    timed("/api/v1/bookings", {
      method: "POST",
      headers: { ...bearer(token), "content-type": "application/json" },
      body: JSON.stringify({
        coachId: data.raceCoach,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + HOUR_MS / 2).toISOString(),
      }),
    });
  const race = async (slotOf: (index: number) => Date): Promise<RaceFigure> => {
    const results = await Promise.all(data.racers.map((racer, index) => book(racer.token, slotOf(index))));
    const statuses: Record<string, number> = {};
    for (const result of results) statuses[result.status] = (statuses[result.status] ?? 0) + 1;
    return { requests: results.length, statuses, latencyMs: summarise(results.map((result) => result.ms)) };
  };
  // Day 3 at 10:00 UTC for everyone; then one half hour each from day 5 on (20 a day, 01:00–11:00).
  const sameSlot = await race(() => new Date(data.firstDay.getTime() + 2 * DAY_MS + 10 * HOUR_MS));
  const differentSlots = await race(
    (index) => new Date(data.firstDay.getTime() + (4 + Math.floor(index / 20)) * DAY_MS + (2 + (index % 20)) * (HOUR_MS / 2)),
  );

  return {
    slots: { sessions: data.sessions, slots: slotCount, requests: options.requests, slotsMs: summarise(slots), healthMs: summarise(health) },
    sameSlot,
    differentSlots,
  };
}

export function summarise(values: number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)) };
}
