// PATCH /api/v1/users/:id { role?, timezone? } — owner only.
import { z } from "zod";
import { updateUser, updateUserChanges } from "@/server/users/update-user";
import { apiRoute } from "../../../_lib/route";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute({
  params: z.object({ id: z.string() }),
  body: updateUserChanges,
  handle: async ({ db, actor, params, body }) => ({
    user: await updateUser({ db, actor, input: { id: params.id, ...body } }),
  }),
});
