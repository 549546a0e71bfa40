// The internal scheduler of `npm start`: the daily session generation at
// 02:00 in the business time zone, for installs that have no Vercel cron.
// It runs in start.ts's own process, which must not open the database (with
// PGlite the server child owns the data directory), so its `trigger` calls
// the app's cron endpoint. Every instance's scheduler wakes up; the endpoint
// runs the day once (its run is keyed by the date) and answers the others
// "already ran". One log line per run with the counts; a failed run is
// logged and the next one is still scheduled.
//
// 02:00 becomes an instant by DESIGN.md's rule (src/domain/time.ts): on a
// spring-forward day without 02:00 the run moves forward by the gap (03:00),
// and on a fall-back day with two 02:00s it takes the earlier one — so it
// runs exactly once every local day. A plain timer holds the wait (one per
// run, re-armed after each from the clock). croner was used first: its Date
// targets have one-second resolution, so a target less than a second ahead
// could be dropped, and its own "0 2 * * *" takes the later of two 02:00s.
import { request as httpRequest } from "node:http";
import { Temporal } from "temporal-polyfill";
import { wallClockToInstant } from "@/domain/time";

export const DAILY_RUN_TIME = "02:00";

/** The next 02:00 wall-clock in `timeZone` strictly after `now`. */
export function nextRunAt(now: Date, timeZone: string, time: string = DAILY_RUN_TIME): Date {
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone).toPlainDate();
  for (let days = 0; ; days++) {
    const candidate = wallClockToInstant(today.add({ days }).toString(), time, timeZone);
    if (candidate.getTime() > now.getTime()) return candidate;
  }
}

/** What a run reports (the cron endpoint's `run`). */
export interface RunCounts {
  created: number;
  conflicts: number;
  completed: number;
  durationMs: number | null;
  /** The day's run had already been started by another instance (or an earlier call): nothing ran now. */
  alreadyRan?: boolean;
  id?: string;
}

export interface DailyGenerationOptions {
  timeZone: string;
  /** Runs the generation once; rejects on failure. */
  trigger: () => Promise<RunCounts>;
  log: (line: string) => void;
  /** When the run after `now` is due; default 02:00 in `timeZone` (tests use a shorter one). */
  nextRun?: (now: Date) => Date;
}

export interface DailyGeneration {
  /** No run starts after this; a run in progress finishes. Idempotent. */
  stop(): void;
  /** When the next run is due; null once stopped. */
  nextRun(): Date | null;
}

export function startDailyGeneration(options: DailyGenerationOptions): DailyGeneration {
  const due = options.nextRun ?? ((now: Date) => nextRunAt(now, options.timeZone));
  let timer: ReturnType<typeof setTimeout> | null = null;
  let nextAt: Date | null = null;
  let stopped = false;

  const arm = () => {
    if (stopped) return;
    const now = Date.now();
    // Never in the past, and at most a day or so ahead (far below setTimeout's 24.8-day limit).
    nextAt = new Date(Math.max(due(new Date(now)).getTime(), now + 10));
    timer = setTimeout(() => void runOnce(), nextAt.getTime() - now);
  };

  const runOnce = async () => {
    let line: string;
    try {
      const run = await options.trigger();
      line = run.alreadyRan
        ? `Session generation (internal scheduler): already ran for today${run.id ? ` (run ${run.id})` : ""}, started by another instance or call`
        : `Session generation (internal scheduler): created ${run.created}, conflicts ${run.conflicts}, ` +
          `completed ${run.completed}${run.durationMs === null ? "" : ` in ${run.durationMs} ms`}`;
    } catch (error) {
      line = `Session generation (internal scheduler) failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    arm();
    const upcoming = stopped ? null : nextAt;
    options.log(upcoming ? `${line}; next run ${describeInstant(upcoming, options.timeZone)}` : line);
  };

  arm();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    nextRun: () => (stopped ? null : nextAt),
  };
}

/** "2027-03-28 03:00 Europe/Paris". */
export function describeInstant(instant: Date, timeZone: string): string {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
  return `${zoned.toPlainDate()} ${zoned.toPlainTime().toString({ smallestUnit: "minute" })} ${timeZone}`;
}

export type SchedulerMode = "internal" | "vercel" | "off";

/**
 * Which process runs the daily generation: Vercel's cron when hosted there
 * (VERCEL set), nobody when INTERNAL_SCHEDULER=off (another scheduler calls
 * the cron endpoint), otherwise this one. With the line that says so.
 */
export function schedulerMode(env: Readonly<Record<string, string | undefined>>, timeZone: string): { mode: SchedulerMode; message: string } {
  if (env.VERCEL) return { mode: "vercel", message: "Daily session generation: left to Vercel cron (vercel.json)" };
  if (env.INTERNAL_SCHEDULER?.trim().toLowerCase() === "off") {
    return { mode: "off", message: "Daily session generation: disabled (INTERNAL_SCHEDULER=off)" };
  }
  return {
    mode: "internal",
    message: `Daily session generation at ${DAILY_RUN_TIME} ${timeZone} (internal scheduler)`,
  };
}

/**
 * The trigger start.ts uses: POST the app's own cron endpoint with the secret
 * (never logged), marked as the internal scheduler. Through node:http with
 * no timeout: fetch (undici) gives up on an answer after 300 s, while a long
 * run went on and was logged as failed. Rejects with the endpoint's error
 * message on any non-200 answer, or when the connection fails.
 */
export function cronEndpointTrigger(options: { url: string; secret: string }): () => Promise<RunCounts> {
  return async () => {
    const { status, text } = await postWithoutTimeout(options.url, {
      authorization: `Bearer ${options.secret}`,
      "x-coachbook-trigger": "scheduler",
    });
    let body: { run?: RunCounts & { id?: string }; alreadyRan?: boolean; error?: { message?: string } } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // Not JSON: reported below with the status.
    }
    if (status !== 200 || !body.run) {
      throw new Error(`${options.url} answered ${status}: ${body.error?.message ?? text.slice(0, 200)}`);
    }
    return { ...body.run, alreadyRan: body.alreadyRan === true };
  };
}

function postWithoutTimeout(url: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    // A fresh connection (no keep-alive agent): one call a day.
    const request = httpRequest(url, { method: "POST", headers: { ...headers, "content-length": "0" }, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}
