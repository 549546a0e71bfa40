// DELETE /api/v1/coaches/:coachId/blocked-slots/:id — the coach themself or
// the owner; answers { blockedSlot } as it was.
import { z } from "zod";
import { deleteBlockedSlot } from "@/server/availability/delete-blocked-slot";
import { apiRoute } from "../../../../../_lib/route";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute({
  params: z.object({ coachId: z.string(), id: z.string() }),
  handle: async ({ db, actor, params }) => ({
    blockedSlot: await deleteBlockedSlot({ db, actor, input: { coachId: params.coachId, id: params.id } }),
  }),
});
