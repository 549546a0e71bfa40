// POST /api/unsubscribe?token=… — one click (RFC 8058): a mail provider posts
// "List-Unsubscribe=One-Click" here, or the /unsubscribe page's form does.
// The signed token is the only authority: it turns off reminders or the
// digest of the one person it names. A form post is sent back to the page.
import { getDatabase } from "@/db";
import { isAppError } from "@/domain/errors";
import { unsubscribe } from "@/server/me/unsubscribe";
import { errorResponse } from "../_lib/route";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const url = new URL(request.url);
  try {
    const { db } = await getDatabase();
    const done = await unsubscribe(db, url.searchParams.get("token"));
    if (url.searchParams.get("from") === "page") {
      return new Response(null, { status: 303, headers: { location: `/unsubscribe?done=${done.kind}` } });
    }
    return Response.json({ unsubscribed: done.kind });
  } catch (error) {
    if (isAppError(error)) return errorResponse(error);
    console.error("[unsubscribe] failed:", error);
    return Response.json({ error: { code: "internal", message: "Internal error" } }, { status: 500 });
  }
}
