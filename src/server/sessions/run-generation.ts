// Owner: run session generation now, `weeksAhead` weeks ahead (the admin
// endpoint). The run is recorded like every other (trigger "admin", with the
// owner who asked) and answered as its view, counts included.
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { parseInput } from "../validation";
import { generateSessions } from "./generate-sessions";
import { findGenerationRunView, type GenerationRunView } from "./generation-run-view";

const WEEKS_AHEAD = "Must be a whole number from 1 to 52";

export const runGenerationInput = z.strictObject({
  weeksAhead: z.number({ error: (issue) => (issue.input === undefined ? "Required: a whole number from 1 to 52" : WEEKS_AHEAD) }).int(WEEKS_AHEAD).min(1, WEEKS_AHEAD).max(52, WEEKS_AHEAD),
});

export type RunGenerationInput = z.input<typeof runGenerationInput>;

export async function runGeneration(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: RunGenerationInput;
  /** For tests and backfills; default now. */
  now?: Date;
}): Promise<GenerationRunView> {
  const { db, actor } = options;
  assertCan(actor, "generation:run");
  const { weeksAhead } = parseInput(runGenerationInput, options.input);
  const result = await generateSessions(db, {
    weeksAhead,
    now: options.now,
    trigger: "admin",
    requestedBy: actor.id,
  });
  return findGenerationRunView(db, result.runId);
}
