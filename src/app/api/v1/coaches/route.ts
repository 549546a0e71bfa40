// GET /api/v1/coaches — any signed-in user: every coach by name, with zone,
// minimum notice and default session length (no emails).
import { listCoaches } from "@/server/coaches/list-coaches";
import { apiRoute } from "../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  handle: async ({ db, actor }) => ({ coaches: await listCoaches({ db, actor }) }),
});
