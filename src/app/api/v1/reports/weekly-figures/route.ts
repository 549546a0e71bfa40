// GET /api/v1/reports/weekly-figures — owner only: this week's and last
// week's figures (sessions held, cancelled, no-shows, utilisation of
// availability), overall and per coach, and each class's fill and
// attendance; the owner's overview page in JSON.
import { weeklyFigures } from "@/server/reports/weekly-figures";
import { apiRoute } from "../../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  handle: async ({ db, actor }) => ({ figures: await weeklyFigures({ db, actor }) }),
});
