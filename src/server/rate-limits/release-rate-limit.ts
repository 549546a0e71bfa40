// Gives back a hit counted by hitRateLimit(): a sign-in reserves a failure
// before the password is checked (so parallel guesses cannot slip past the
// limit) and returns it when the sign-in succeeds, so successful sign-ins
// count against nobody. Only the same window is touched: a window that has
// since restarted keeps its count.
import { sql } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db";
import { rateLimits } from "@/db/schema";
import { columnName } from "@/db/sql-names";
import type { RateLimitHit } from "./hit-rate-limit";

export async function releaseRateLimit(db: DatabaseOrTransaction, hit: Pick<RateLimitHit, "key" | "resetsAt">): Promise<void> {
  await db.execute(
    sql`UPDATE ${rateLimits} SET ${columnName(rateLimits.hits)} = ${rateLimits.hits} - 1
        WHERE ${rateLimits.key} = ${hit.key} AND ${rateLimits.resetsAt} = ${hit.resetsAt.toISOString()}::timestamptz AND ${rateLimits.hits} > 0`,
  );
}
