// POST /api/admin/generate-sessions { "weeksAhead": 1..52 } — owner only
// (cookie or bearer session token): run session generation now → { run }.
// GET → { runs }: the most recent runs, newest first (?limit=1..100, default 20).
import { runGeneration, runGenerationInput } from "@/server/sessions/run-generation";
import { listGenerationRuns, listGenerationRunsInput } from "@/server/sessions/list-generation-runs";
import { apiRoute } from "../../_lib/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  body: runGenerationInput,
  handle: async ({ db, actor, body }) => ({
    run: await runGeneration({ db, actor, input: body }),
  }),
});

export const GET = apiRoute({
  query: listGenerationRunsInput,
  handle: async ({ db, actor, query }) => ({
    runs: await listGenerationRuns({ db, actor, input: query }),
  }),
});
