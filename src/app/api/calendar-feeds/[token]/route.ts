// GET /api/calendar-feeds/<token>.ics — a user's sessions as iCalendar, for
// the calendar app subscribed to it: no sign-in (the token is the key), 404
// for an unknown or turned-off token.
import { z } from "zod";
import { renderCalendarFeed } from "@/server/calendar-feed/render-calendar-feed";
import { apiRoute } from "../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  public: true,
  params: z.object({ token: z.string() }),
  handle: async ({ db, params }) =>
    new Response(await renderCalendarFeed({ db, input: { file: params.token } }), {
      headers: { "content-type": "text/calendar; charset=utf-8", "content-disposition": 'inline; filename="coachbook.ics"' },
    }),
});
