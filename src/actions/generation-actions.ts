"use server";
// Server action for the owner's generation panel: run session generation
// now, weeks ahead (the migration guide's manual generation, from the
// browser). Calls one use case and answers the recorded run with its counts.
import { runGeneration, type RunGenerationInput } from "@/server/sessions/run-generation";
import { runAction } from "./action-result";

export async function runGenerationAction(input: RunGenerationInput) {
  return runAction("runGeneration", ({ db, actor }) => runGeneration({ db, actor, input }));
}
