// GET|POST /api/cron/deliver-messages — for hosts where no process stays up
// (Vercel): writes due reminders and delivers due messages for up to 20
// seconds, as npm start's worker does continuously. `Authorization: Bearer
// $CRON_SECRET`, like the generation cron.
import { getDatabase } from "@/db";
import { isAppError } from "@/domain/errors";
import { assertCronAuthorized } from "@/server/cron-secret";
import { runDeliveryPass } from "@/server/messages/run-delivery-pass";
import { errorResponse } from "../../_lib/route";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  try {
    assertCronAuthorized(request.headers.get("authorization"), process.env.CRON_SECRET);
    const { db } = await getDatabase();
    return Response.json(await runDeliveryPass(db, { budgetMs: 20_000 }));
  } catch (error) {
    if (isAppError(error)) return errorResponse(error);
    console.error(`[cron] ${request.method} /api/cron/deliver-messages failed:`, error);
    return Response.json({ error: { code: "internal", message: "Internal error" } }, { status: 500 });
  }
}

export const GET = handle;
export const POST = handle;
