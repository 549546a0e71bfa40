// GET /api/v1/users[?role=coach] — owner only.
// POST /api/v1/users { email, name?, role, timezone? } — owner only: adds a person, who gets a welcome e-mail.
import { publicBaseUrl } from "@/server/public-url";
import { addUser, addUserInput } from "@/server/users/add-user";
import { listUsers, listUsersInput } from "@/server/users/list-users";
import { apiRoute } from "../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  query: listUsersInput,
  handle: async ({ db, actor, query }) => ({ users: await listUsers({ db, actor, input: query }) }),
});

export const POST = apiRoute({
  body: addUserInput,
  status: 201,
  handle: async ({ request, db, actor, body }) => ({
    user: await addUser({ db, actor, input: body, baseUrl: publicBaseUrl(request) }),
  }),
});
