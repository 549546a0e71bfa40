// GET /api/v1/conflicts[?status=open|resolved|all&coachId] — a coach their
// own generation conflicts, the owner everyone's (default: open ones).
import { listConflicts, listConflictsInput } from "@/server/conflicts/list-conflicts";
import { apiRoute } from "../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  query: listConflictsInput,
  handle: async ({ db, actor, query }) => ({ conflicts: await listConflicts({ db, actor, input: query }) }),
});
