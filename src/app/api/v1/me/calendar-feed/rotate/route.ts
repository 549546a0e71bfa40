// POST /api/v1/me/calendar-feed/rotate — a new feed address; the old one answers 404 from now on.
import { rotateCalendarFeed } from "@/server/calendar-feed/rotate-calendar-feed";
import { publicBaseUrl } from "@/server/public-url";
import { apiRoute } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  handle: async ({ db, actor, request }) => rotateCalendarFeed({ db, actor, baseUrl: publicBaseUrl(request) }),
});
