// How a run of the session generator is shown (admin API, cron answer, CLI
// tests): JSON-friendly, instants as ISO strings, who asked for it (admin
// runs) by name and e-mail. Shared by run-generation, run-scheduled-generation
// and list-generation-runs.
import { desc, eq, type SQL } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db";
import { generationRunStatus, sessionGenerationRuns, users } from "@/db/schema";

export type GenerationRunStatus = (typeof generationRunStatus.enumValues)[number];

export interface GenerationRunView {
  id: string;
  /** cron, admin, cli, scheduler (or test). */
  trigger: string;
  status: GenerationRunStatus;
  weeksAhead: number;
  created: number;
  conflicts: number;
  completed: number;
  /** Null while running. */
  durationMs: number | null;
  /** The failure's message, when status is "failed". */
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  /** The owner who asked (admin runs); null for cron, scheduler and CLI runs. */
  requestedBy: { id: string; name: string; email: string } | null;
  /** The business-zone day a scheduled run (cron, scheduler) is for; null for runs by hand. */
  scheduledOn: string | null;
}

/** Runs newest first, at most `limit`. */
export async function selectGenerationRunViews(
  db: DatabaseOrTransaction,
  options: { where?: SQL; limit: number },
): Promise<GenerationRunView[]> {
  const rows = await db
    .select({
      run: sessionGenerationRuns,
      requesterId: users.id,
      requesterName: users.name,
      requesterEmail: users.email,
    })
    .from(sessionGenerationRuns)
    .leftJoin(users, eq(users.id, sessionGenerationRuns.requestedBy))
    .where(options.where)
    .orderBy(desc(sessionGenerationRuns.startedAt), desc(sessionGenerationRuns.id))
    .limit(options.limit);
  return rows.map(({ run, requesterId, requesterName, requesterEmail }) => ({
    id: run.id,
    trigger: run.trigger,
    status: run.status,
    weeksAhead: run.weeksAhead,
    created: run.createdCount,
    conflicts: run.conflictCount,
    completed: run.completedCount,
    durationMs: run.durationMs,
    error: run.error,
    startedAt: new Date(run.startedAt).toISOString(),
    finishedAt: run.finishedAt ? new Date(run.finishedAt).toISOString() : null,
    requestedBy:
      requesterId === null ? null : { id: requesterId, name: requesterName ?? "", email: requesterEmail ?? "" },
    scheduledOn: run.scheduledOn,
  }));
}

/** One run by id (just written by the caller, so it exists). */
export async function findGenerationRunView(db: DatabaseOrTransaction, runId: string): Promise<GenerationRunView> {
  const [view] = await selectGenerationRunViews(db, { where: eq(sessionGenerationRuns.id, runId), limit: 1 });
  if (!view) throw new Error(`Generation run ${runId} not found`);
  return view;
}
