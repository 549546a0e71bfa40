// GET /api/health — is the app up and can it reach its database?
// Answers which engine it runs on; 503 (without details) when the database
// does not answer.
import { sql } from "drizzle-orm";
import { getDatabase } from "@/db";
import { currentDatabaseLocation } from "@/db/client";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  let kind: string | undefined;
  try {
    const handle = await getDatabase();
    kind = handle.kind;
    await handle.db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: kind });
  } catch (error) {
    console.error("[health] database check failed:", error);
    return Response.json(
      { status: "error", database: kind ?? currentDatabaseLocation().kind, message: "Database unavailable" },
      { status: 503 },
    );
  }
}
