// The daily run (Vercel cron, or the internal scheduler of `npm start`
// through the same endpoint): generate SESSION_HORIZON_WEEKS ahead. No actor:
// the caller has proved it holds CRON_SECRET (src/server/cron-secret.ts).
import type { DatabaseOrTransaction } from "@/db";
import { sessionHorizonWeeks } from "../config";
import { generateSessions } from "./generate-sessions";
import { findGenerationRunView, type GenerationRunView } from "./generation-run-view";

export async function runScheduledGeneration(options: {
  db: DatabaseOrTransaction;
  /** "cron" (Vercel or any external caller) or "scheduler" (npm start's own). */
  trigger: "cron" | "scheduler";
  now?: Date;
}): Promise<GenerationRunView> {
  const result = await generateSessions(options.db, {
    weeksAhead: sessionHorizonWeeks(),
    now: options.now,
    trigger: options.trigger,
  });
  return findGenerationRunView(options.db, result.runId);
}
