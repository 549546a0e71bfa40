// DELETE /api/v1/coaches/:coachId/availability-additions/:id[?cancelAffected=true]
// — the coach themself or the owner. Answers { addition, affected, cancelled }:
// the future sessions the removal leaves outside availability, cancelled only
// when asked (query or body).
import { z } from "zod";
import {
  deleteAvailabilityAddition,
  deleteAvailabilityAdditionOptions,
} from "@/server/availability/delete-availability-addition";
import { apiRoute } from "../../../../../_lib/route";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute({
  params: z.object({ coachId: z.string(), id: z.string() }),
  query: deleteAvailabilityAdditionOptions,
  body: deleteAvailabilityAdditionOptions,
  handle: ({ db, actor, params, query, body }) =>
    deleteAvailabilityAddition({
      db,
      actor,
      input: { cancelAffected: body.cancelAffected ?? query.cancelAffected, coachId: params.coachId, id: params.id },
    }),
});
