// GET /api/v1/users[?role=coach] — owner only.
import { listUsers, listUsersInput } from "@/server/users/list-users";
import { apiRoute } from "../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  query: listUsersInput,
  handle: async ({ db, actor, query }) => ({ users: await listUsers({ db, actor, input: query }) }),
});
