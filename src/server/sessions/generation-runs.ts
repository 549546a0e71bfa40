// The bookkeeping of generation runs: the row each run writes when it
// starts, the one row a scheduled day may have, and closing the rows of runs
// that died. A run's row says `running` until the run records its outcome;
// a process killed mid-run (OOM, SIGKILL, a redeploy) never does, so a row
// still running after STALE_RUN_AFTER_MINUTES is closed as failed, with the
// reason, whenever a run starts or the runs are listed. No real run comes
// near that bound: 100,000 series take under three minutes.
// See docs/decisions/0005-one-generation-statement.md.
import { sql } from "drizzle-orm";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { sessionGenerationRuns } from "@/db/schema";
import { columnName } from "@/db/sql-names";
import type { GenerationTrigger } from "./generate-sessions";

export const STALE_RUN_AFTER_MINUTES = 60;

export const STALE_RUN_ERROR =
  `Stopped without recording an outcome: still running after ${STALE_RUN_AFTER_MINUTES} minutes, ` +
  "so the process running it died (killed or restarted). The next run completes what it left.";

/** Closes as failed every run still `running` after the bound; answers how many. */
export async function closeStaleRuns(db: DatabaseOrTransaction): Promise<number> {
  const runs = sessionGenerationRuns;
  const rows = await selectRows<{ closed: number }>(db, sql`
    WITH closed AS (
      UPDATE ${runs}
      SET ${columnName(runs.status)} = 'failed', ${columnName(runs.error)} = ${STALE_RUN_ERROR}, ${columnName(runs.finishedAt)} = now()
      WHERE ${runs.status} = 'running' AND ${runs.startedAt} < now() - make_interval(mins => ${STALE_RUN_AFTER_MINUTES}::int)
      RETURNING 1
    )
    SELECT count(*)::int AS closed FROM closed`);
  return Number(rows[0]!.closed);
}

/** The row of a run starting now (stale runs closed first); its id. */
export async function startRun(
  db: DatabaseOrTransaction,
  run: { trigger: GenerationTrigger; requestedBy: string | null; weeksAhead: number },
): Promise<string> {
  await closeStaleRuns(db);
  const [row] = await db.insert(sessionGenerationRuns).values(run).returning({ id: sessionGenerationRuns.id });
  return row!.id;
}

/**
 * The row of `scheduledOn`'s daily run, if this caller is the first to ask:
 * its id, or null when another run (another instance, a repeated cron call)
 * already holds that day. The unique key decides, not timing: two inserts
 * at once wait on each other and exactly one of them writes.
 */
export async function claimScheduledRun(
  db: DatabaseOrTransaction,
  run: { trigger: GenerationTrigger; weeksAhead: number; scheduledOn: string },
): Promise<string | null> {
  await closeStaleRuns(db);
  const [row] = await db
    .insert(sessionGenerationRuns)
    .values({ trigger: run.trigger, weeksAhead: run.weeksAhead, scheduledOn: run.scheduledOn })
    .onConflictDoNothing({ target: sessionGenerationRuns.scheduledOn })
    .returning({ id: sessionGenerationRuns.id });
  return row?.id ?? null;
}
