// Owner: the most recent runs of the session generator (admin, cron,
// scheduler, CLI), newest first: when, how far ahead, what they created, and
// why a run failed. Runs whose process died are closed as failed first
// (generation-runs.ts), so none shows `running` forever.
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { parseInput } from "../validation";
import { closeStaleRuns } from "./generation-runs";
import { selectGenerationRunViews, type GenerationRunView } from "./generation-run-view";

const LIMIT = "Must be a whole number from 1 to 100";

export const listGenerationRunsInput = z.strictObject({
  /** How many runs; default 20. Query strings ("50") are accepted. */
  limit: z.coerce.number({ error: LIMIT }).int(LIMIT).min(1, LIMIT).max(100, LIMIT).optional(),
});

export type ListGenerationRunsInput = z.input<typeof listGenerationRunsInput>;

export async function listGenerationRuns(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input?: ListGenerationRunsInput;
}): Promise<GenerationRunView[]> {
  assertCan(options.actor, "generation:run");
  const { limit = 20 } = parseInput(listGenerationRunsInput, options.input ?? {});
  await closeStaleRuns(options.db);
  return selectGenerationRunViews(options.db, { limit });
}
