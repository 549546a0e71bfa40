// GET  /api/v1/class-series/:id/standing-places — the series' standing places (within the caller's scope).
// POST /api/v1/class-series/:id/standing-places { memberId? } — take a standing place: a place in every class of the series (201).
import { z } from "zod";
import { createStandingPlace, createStandingPlaceBody } from "@/server/classes/create-standing-place";
import { listStandingPlaces } from "@/server/classes/list-standing-places";
import { apiRoute } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  params: z.object({ id: z.string() }),
  handle: async ({ db, actor, params }) => ({ standingPlaces: await listStandingPlaces({ db, actor, input: { seriesId: params.id } }) }),
});

export const POST = apiRoute({
  params: z.object({ id: z.string() }),
  body: createStandingPlaceBody,
  status: 201,
  handle: ({ db, actor, params, body }) => createStandingPlace({ db, actor, input: { seriesId: params.id, ...body } }),
});
