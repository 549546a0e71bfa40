// GET /api/v1/standing-places[?seriesId&status] — standing places: a member their own, a coach those in their series, the owner all.
import { listStandingPlaces, listStandingPlacesInput } from "@/server/classes/list-standing-places";
import { apiRoute } from "../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  query: listStandingPlacesInput,
  handle: async ({ db, actor, query }) => ({ standingPlaces: await listStandingPlaces({ db, actor, input: query }) }),
});
