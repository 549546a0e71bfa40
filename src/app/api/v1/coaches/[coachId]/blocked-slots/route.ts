// GET /api/v1/coaches/:coachId/blocked-slots[?from&to] — upcoming time off;
// POST { startsAt, endsAt, reason?, cancelAffected? } blocks time (201) and
// answers { blockedSlot, affected, cancelled }. The coach themself or the owner.
import { z } from "zod";
import { createBlockedSlot, createBlockedSlotBody } from "@/server/availability/create-blocked-slot";
import { listBlockedSlots, listBlockedSlotsQuery } from "@/server/availability/list-blocked-slots";
import { apiRoute } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

const params = z.object({ coachId: z.string() });

export const GET = apiRoute({
  params,
  query: listBlockedSlotsQuery,
  handle: async ({ db, actor, params, query }) => ({
    blockedSlots: await listBlockedSlots({ db, actor, input: { ...query, coachId: params.coachId } }),
  }),
});

export const POST = apiRoute({
  params,
  body: createBlockedSlotBody,
  status: 201,
  handle: ({ db, actor, params, body }) => createBlockedSlot({ db, actor, input: { ...body, coachId: params.coachId } }),
});
