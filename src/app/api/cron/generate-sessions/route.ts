// GET|POST /api/cron/generate-sessions — the daily job. Vercel cron calls it
// with GET (vercel.json), the internal scheduler of `npm start` with POST;
// both send `Authorization: Bearer $CRON_SECRET`. No signed-in user: the
// secret is checked first (constant time, fails closed when unset), then
// generation runs SESSION_HORIZON_WEEKS ahead → { run, alreadyRan: false }.
// Once per business-zone day: a second call that day, from this instance or
// any other on the database, runs nothing and answers 200 with that day's
// run and `alreadyRan: true`. Errors keep the API shape { error: { code,
// message } }; the secret is never logged.
import { getDatabase } from "@/db";
import { isAppError } from "@/domain/errors";
import { assertCronAuthorized, SCHEDULER_TRIGGER_HEADER } from "@/server/cron-secret";
import { runScheduledGeneration } from "@/server/sessions/run-scheduled-generation";
import { errorResponse } from "../../_lib/route";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  try {
    assertCronAuthorized(request.headers.get("authorization"), process.env.CRON_SECRET);
    const trigger = request.headers.get(SCHEDULER_TRIGGER_HEADER) === "scheduler" ? "scheduler" : "cron";
    const { db } = await getDatabase();
    return Response.json(await runScheduledGeneration({ db, trigger }));
  } catch (error) {
    if (isAppError(error)) return errorResponse(error);
    console.error(`[cron] ${request.method} /api/cron/generate-sessions failed:`, error);
    return Response.json({ error: { code: "internal", message: "Internal error" } }, { status: 500 });
  }
}

export const GET = handle;
export const POST = handle;
