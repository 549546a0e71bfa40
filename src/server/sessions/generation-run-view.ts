// How a run of the session generator is shown (admin API, cron answer, CLI
// tests): JSON-friendly, instants as ISO strings, who asked for it (admin
// runs) by name and e-mail. Shared by run-generation, run-scheduled-generation
// and list-generation-runs.
import { desc, eq, type SQL } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db";
import { z } from "zod";
import { generationRunStatus, sessionGenerationRuns, users } from "@/db/schema";
import { calendarDate, count, email, instant, recordId } from "../view-fields";

export type GenerationRunStatus = (typeof generationRunStatus.enumValues)[number];

export const generationRunViewSchema = z
  .strictObject({
    id: recordId,
    trigger: z.string().describe("cron, scheduler, admin or cli."),
    status: z.enum(generationRunStatus.enumValues),
    weeksAhead: z.number().int(),
    created: count.describe("Sessions created."),
    conflicts: count.describe("Conflicts recorded."),
    completed: count.describe("Past sessions marked completed."),
    durationMs: z.number().int().nullable().describe("Null while running."),
    error: z.string().nullable().describe('The failure\'s message when status is "failed".'),
    startedAt: instant,
    finishedAt: instant.nullable(),
    requestedBy: z
      .strictObject({ id: recordId, name: z.string(), email })
      .nullable()
      .describe("The owner who asked (admin runs); null for cron, scheduler and CLI runs."),
    scheduledOn: calendarDate
      .nullable()
      .describe("The business-zone day a daily run (cron, scheduler) is for, one run per day; null for runs by hand."),
  })
  .describe("One run of the session generator.");

export type GenerationRunView = z.infer<typeof generationRunViewSchema>;

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
