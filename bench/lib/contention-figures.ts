// Two figures against the running app, beside http-figures.ts:
//  - contention: C connections book one slot over and over for S seconds
//    while a prober (bench/health-prober.mjs, in a process of its own)
//    calls /api/health every 100 ms. Health's p99 then ÷ its
//    p50 when idle, the count of 5xx and of winners (exactly one 201).
//  - CPU per booking: the server process's own CPU counters (utime + stime
//    in /proc/<pid>/stat) around N health requests, then around N successful
//    bookings of distinct free slots, one request at a time. The server is
//    found by the port it listens on, so whatever starts it (next start, a
//    custom server) is measured.
import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync, readlinkSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { DatabaseHandle } from "@/db/client";
import type { AppServer } from "../../tests/helpers/app-server";
import { summarise, type LatencySummary } from "./http-figures";

const DAY_MS = 86_400_000;
const PROBER = fileURLToPath(new URL("../health-prober.mjs", import.meta.url));
const HOUR_MS = 3_600_000;
/** Bookable half hours a day on the CPU coach (00:00–20:00 UTC). */
const SLOTS_A_DAY = 40;

export interface ContentionData {
  contentionCoach: string;
  cpuCoach: string;
  /** One token per member of the hammer (each member books the same slot). */
  hammerTokens: string[];
  /** One token per successful booking of the CPU figure (and its warm-up), so no per-user limit decides it. */
  cpuTokens: string[];
  firstDay: Date;
}

/** Coaches, members and session tokens for both figures (written before the server starts). */
export async function seedContentionData(
  handle: DatabaseHandle,
  options: { connections: number; cpuBookings: number; warmUp: number },
): Promise<ContentionData> {
  const firstDay = new Date(Math.ceil((Date.now() + DAY_MS) / DAY_MS) * DAY_MS);
  const expires = new Date(Date.now() + DAY_MS).toISOString();
  const tag = randomBytes(4).toString("hex");
  const contentionCoach = `bench-contention-coach-${tag}`;
  const cpuCoach = `bench-cpu-coach-${tag}`;
  const hammer = options.connections;
  const cpu = options.cpuBookings + options.warmUp;
  await handle.exec(`
    INSERT INTO users (id, email, name, role) VALUES
      ('${contentionCoach}', '${contentionCoach}@bench', 'Contention Coach', 'coach'),
      ('${cpuCoach}', '${cpuCoach}@bench', 'CPU Coach', 'coach');
    INSERT INTO coach_settings (coach_id, timezone, minimum_notice_minutes) VALUES ('${contentionCoach}', 'UTC', 0), ('${cpuCoach}', 'UTC', 0);
    INSERT INTO weekly_availability (coach_id, day_of_week, start_time, end_time)
      SELECT c, d, '00:00', '23:59' FROM generate_series(0, 6) d, unnest(ARRAY['${contentionCoach}', '${cpuCoach}']) c;
    INSERT INTO users (id, email, name, role)
      SELECT 'bench-hammer-${tag}-' || i, 'bench-hammer-${tag}-' || i || '@bench', 'Hammer ' || i, 'member'::user_role FROM generate_series(1, ${hammer}) i
      UNION ALL
      SELECT 'bench-cpu-${tag}-' || i, 'bench-cpu-${tag}-' || i || '@bench', 'CPU member ' || i, 'member'::user_role FROM generate_series(1, ${cpu}) i;
    INSERT INTO sessions (token, user_id, expires_at)
      SELECT 'benchtoken${tag}hammer' || i, 'bench-hammer-${tag}-' || i, '${expires}'::timestamptz FROM generate_series(1, ${hammer}) i
      UNION ALL
      SELECT 'benchtoken${tag}cpu' || i, 'bench-cpu-${tag}-' || i, '${expires}'::timestamptz FROM generate_series(1, ${cpu}) i;
    ANALYZE;`);
  return {
    contentionCoach,
    cpuCoach,
    hammerTokens: Array.from({ length: hammer }, (_, i) => `benchtoken${tag}hammer${i + 1}`),
    cpuTokens: Array.from({ length: cpu }, (_, i) => `benchtoken${tag}cpu${i + 1}`),
    firstDay,
  };
}

export interface ContentionFigure {
  seconds: number;
  connections: number;
  bookings: number;
  statuses: Record<string, number>;
  bookingMs: LatencySummary & { max: number };
  healthIdleMs: LatencySummary;
  healthMs: LatencySummary & { max: number; probes: number; failed: number };
}

export interface CpuFigure {
  healthRequests: number;
  bookings: number;
  healthCpuMs: number;
  bookingCpuMs: number;
  /** CPU of a refused booking (409: the slot is taken), one request at a time. */
  refusedCpuMs: number;
}

type Timed = { ms: number; status: number; body: string };

function client(server: AppServer) {
  const timed = async (pathname: string, init?: RequestInit): Promise<Timed> => {
    const started = performance.now();
    try {
      const response = await server.request(pathname, init);
      const body = await response.text();
      return { ms: performance.now() - started, status: response.status, body };
    } catch (error) {
      // A refused or cut connection counts as a failure (status 0), not a crash of the bench.
      return { ms: performance.now() - started, status: 0, body: String(error) };
    }
  };
  const book = (token: string, coachId: string, startsAt: Date, minutes = 30) =>
    timed("/api/v1/bookings", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ coachId, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + minutes * 60_000).toISOString() }),
    });
  return { timed, book };
}

export async function measureContention(
  server: AppServer,
  data: ContentionData,
  options: { seconds: number },
): Promise<ContentionFigure> {
  const { book } = client(server);
  // Health idle, back to back, from the same separate process as during the
  // contention, after the same warm-up the other figures had.
  const idle = await runProber(server.baseUrl, ["idle", "200"]);

  const slot = new Date(data.firstDay.getTime() + 3 * DAY_MS + 9 * HOUR_MS);
  const durationMs = options.seconds * 1000;
  const deadline = performance.now() + durationMs;
  const statuses: Record<string, number> = {};
  const bookingMs: number[] = [];
  const hammer = async (token: string) => {
    while (performance.now() < deadline) {
      const result = await book(token, data.contentionCoach, slot);
      statuses[result.status] = (statuses[result.status] ?? 0) + 1;
      bookingMs.push(result.ms);
    }
  };
  const [during] = await Promise.all([
    runProber(server.baseUrl, ["every", "100", String(durationMs)]),
    ...data.hammerTokens.map(hammer),
  ]);
  const healthMs = during.ms;
  const failed = during.failed;
  return {
    seconds: options.seconds,
    connections: data.hammerTokens.length,
    bookings: bookingMs.length,
    statuses,
    bookingMs: { ...summarise(bookingMs), max: Math.round(Math.max(...bookingMs)) },
    healthIdleMs: summarise(idle.ms),
    healthMs: { ...summarise(healthMs), max: Math.round(Math.max(...healthMs)), probes: healthMs.length, failed },
  };
}

/** Runs bench/health-prober.mjs, a process of its own, and reads its latencies. */
function runProber(baseUrl: string, args: string[]): Promise<{ ms: number[]; failed: number }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [PROBER, baseUrl, ...args], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`health prober failed: ${stderr || error.message}`));
      resolve(JSON.parse(stdout) as { ms: number[]; failed: number });
    });
  });
}

export async function measureCpu(
  server: AppServer,
  data: ContentionData,
  options: { healthRequests: number; bookings: number; warmUp: number },
): Promise<CpuFigure> {
  const { timed, book } = client(server);
  const pid = listeningPid(new URL(server.baseUrl).port);
  const slotAt = (index: number) =>
    new Date(data.firstDay.getTime() + (7 + Math.floor(index / SLOTS_A_DAY)) * DAY_MS + (index % SLOTS_A_DAY) * (HOUR_MS / 2));
  const expect = (result: Timed, status: number, what: string) => {
    if (result.status !== status) throw new Error(`${what}: ${result.status} ${result.body.slice(0, 500)}`);
  };
  // Warm the booking route up (compiled, optimised, every pool connection's statements planned).
  const tokens = [...data.cpuTokens];
  for (let i = 0; i < options.warmUp; i += 1) expect(await book(tokens.shift()!, data.cpuCoach, slotAt(i)), 201, "warm-up booking");
  for (let i = 0; i < 100; i += 1) expect(await timed("/api/health"), 200, "GET /api/health");

  const measure = async (n: number, request: (index: number) => Promise<void>) => {
    const before = cpuMs(pid);
    for (let i = 0; i < n; i += 1) await request(i);
    return (cpuMs(pid) - before) / n;
  };
  const healthCpuMs = await measure(options.healthRequests, async () => expect(await timed("/api/health"), 200, "GET /api/health"));
  const bookingCpuMs = await measure(options.bookings, async (i) =>
    expect(await book(tokens.shift()!, data.cpuCoach, slotAt(options.warmUp + i)), 201, "booking"),
  );
  // The same slots again, each by another of those members: every one refused as taken (409).
  const refusedCpuMs = await measure(options.bookings, async (i) =>
    expect(await book(data.cpuTokens[options.warmUp + ((i + 1) % options.bookings)]!, data.cpuCoach, slotAt(options.warmUp + i)), 409, "refused booking"),
  );
  return { healthRequests: options.healthRequests, bookings: options.bookings, healthCpuMs, bookingCpuMs, refusedCpuMs };
}

const ticksPerSecond = (() => {
  let cached: number | undefined;
  return () => (cached ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100);
})();

/** utime + stime of a process, in ms (fields 14 and 15 of /proc/<pid>/stat, after the command's closing parenthesis). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // fields[0] is field 3 (state): utime is field 14, stime field 15.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond();
}

/** The process listening on 127.0.0.1:port: its socket's inode in /proc/net/tcp, then whose fd points to it. */
function listeningPid(port: string): number {
  const hexPort = Number(port).toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.trim().split("\n").slice(1)) {
      const columns = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT; state 0A is LISTEN; column 9 is the inode.
      if (columns[1]?.endsWith(`:${hexPort}`) && columns[3] === "0A") inodes.add(columns[9]!);
    }
  }
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return Number(entry);
      } catch {
        // gone meanwhile
      }
    }
  }
  throw new Error(`no process found listening on port ${port}`);
}
