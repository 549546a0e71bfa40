// GET /api/v1/coaches/:coachId/availability-additions[?from&to] — upcoming
// one-off windows; POST { startsAt, endsAt, reason? } adds one (201). The
// coach themself or the owner.
import { z } from "zod";
import {
  createAvailabilityAddition,
  createAvailabilityAdditionBody,
} from "@/server/availability/create-availability-addition";
import {
  listAvailabilityAdditions,
  listAvailabilityAdditionsQuery,
} from "@/server/availability/list-availability-additions";
import { apiRoute } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

const params = z.object({ coachId: z.string() });

export const GET = apiRoute({
  params,
  query: listAvailabilityAdditionsQuery,
  handle: async ({ db, actor, params, query }) => ({
    additions: await listAvailabilityAdditions({ db, actor, input: { ...query, coachId: params.coachId } }),
  }),
});

export const POST = apiRoute({
  params,
  body: createAvailabilityAdditionBody,
  status: 201,
  handle: async ({ db, actor, params, body }) => ({
    addition: await createAvailabilityAddition({ db, actor, input: { ...body, coachId: params.coachId } }),
  }),
});
