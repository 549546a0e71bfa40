// GET /api/v1/me/calendar-feed — the caller's private calendar feed addresses (added on the first ask).
// DELETE /api/v1/me/calendar-feed — turn it off: its address answers 404 (204, no body).
import { getCalendarFeed } from "@/server/calendar-feed/get-calendar-feed";
import { revokeCalendarFeed } from "@/server/calendar-feed/revoke-calendar-feed";
import { publicBaseUrl } from "@/server/public-url";
import { apiRoute } from "../../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  handle: async ({ db, actor, request }) => getCalendarFeed({ db, actor, baseUrl: publicBaseUrl(request) }),
});

export const DELETE = apiRoute({
  status: 204,
  handle: async ({ db, actor }) => revokeCalendarFeed({ db, actor }),
});
