// GET  /api/v1/class-series[?coachId&status] — the weekly class series.
// POST /api/v1/class-series — schedule a weekly class (201 with the series, its classes up to the horizon and any conflicts).
import { createClassSeries, createClassSeriesInput } from "@/server/classes/create-class-series";
import { listClassSeries, listClassSeriesInput } from "@/server/classes/list-class-series";
import { apiRoute } from "../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  query: listClassSeriesInput,
  handle: async ({ db, actor, query }) => ({ classSeries: await listClassSeries({ db, actor, input: query }) }),
});

export const POST = apiRoute({
  body: createClassSeriesInput,
  status: 201,
  handle: ({ db, actor, body }) => createClassSeries({ db, actor, input: body }),
});
