// The daily run (Vercel cron, or the internal scheduler of `npm start`
// through the same endpoint): generate SESSION_HORIZON_WEEKS ahead, once per
// scheduled day. The day is `now`'s date in BUSINESS_TIMEZONE, and its run
// row is keyed by it (session_generation_runs.scheduled_on, unique): however
// many instances or repeated cron calls ask, the first insert runs the day
// and every other caller is answered that day's run with `alreadyRan`, not
// an error. No actor: the caller has proved it holds CRON_SECRET
// (src/server/cron-secret.ts).
import { eq } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import type { DatabaseOrTransaction } from "@/db";
import { sessionGenerationRuns } from "@/db/schema";
import { businessTimeZone, sessionHorizonWeeks } from "../config";
import { enqueueOwnerDigest } from "../messages/enqueue-digest";
import { generateSessions } from "./generate-sessions";
import { claimScheduledRun } from "./generation-runs";
import { findGenerationRunView, selectGenerationRunViews, type GenerationRunView } from "./generation-run-view";

export interface ScheduledGenerationResult {
  /** The day's run: this call's, or the one that already held the day. */
  run: GenerationRunView;
  /** True when another caller had already started the day's run (nothing was run now). */
  alreadyRan: boolean;
}

export async function runScheduledGeneration(options: {
  db: DatabaseOrTransaction;
  /** "cron" (Vercel or any external caller) or "scheduler" (npm start's own). */
  trigger: "cron" | "scheduler";
  now?: Date;
}): Promise<ScheduledGenerationResult> {
  const { db, trigger } = options;
  const now = options.now ?? new Date();
  const weeksAhead = sessionHorizonWeeks();
  const scheduledOn = scheduledDay(now, businessTimeZone());
  const runId = await claimScheduledRun(db, { trigger, weeksAhead, scheduledOn });
  if (!runId) {
    const [run] = await selectGenerationRunViews(db, { where: eq(sessionGenerationRuns.scheduledOn, scheduledOn), limit: 1 });
    return { run: run!, alreadyRan: true };
  }
  let runError: unknown;
  try {
    await generateSessions(db, { weeksAhead, now, trigger, runId });
  } catch (error) {
    runError = error;
  }
  // The owner hears about the day either way (a failed run is kept with its error).
  const [row] = await db.select().from(sessionGenerationRuns).where(eq(sessionGenerationRuns.id, runId));
  await enqueueOwnerDigest(db, { date: scheduledOn, run: row ?? null, now });
  if (runError) throw runError;
  return { run: await findGenerationRunView(db, runId), alreadyRan: false };
}

/** The business-zone date of `now`: the key of its daily run. */
export function scheduledDay(now: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}
