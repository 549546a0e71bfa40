// GET /api/v1/me — the signed-in user, with their message settings.
// PATCH /api/v1/me { name?, locale?, timezone?, reminder?, emailDigest? } — change them.
import { getMe } from "@/server/me/get-me";
import { updateMe, updateMeInput } from "@/server/me/update-me";
import { apiRoute } from "../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  handle: async ({ db, actor }) => ({ user: await getMe({ db, actor }) }),
});

export const PATCH = apiRoute({
  body: updateMeInput,
  handle: async ({ db, actor, body }) => ({ user: await updateMe({ db, actor, input: body }) }),
});
