// GET /api/v1/sessions[?from&to&status&coachId&memberId] — sessions that start
// in [from, to), each caller within their scope (see list-sessions.ts).
import { listSessions, listSessionsInput } from "@/server/sessions/list-sessions";
import { apiRoute } from "../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  query: listSessionsInput,
  handle: async ({ db, actor, query }) => ({ sessions: await listSessions({ db, actor, input: query }) }),
});
