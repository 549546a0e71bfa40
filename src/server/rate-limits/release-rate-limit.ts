// Gives back a hit counted by hitRateLimit(): a sign-in reserves a failure
// before the password is checked (so parallel guesses cannot slip past the
// limit) and returns it when the sign-in succeeds, so successful sign-ins
// count against nobody. Only the same window is touched: a window that has
// since restarted keeps its count.
import { sql } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db";
import type { RateLimitHit } from "./hit-rate-limit";

export async function releaseRateLimit(db: DatabaseOrTransaction, hit: Pick<RateLimitHit, "key" | "resetsAt">): Promise<void> {
  await db.execute(
    sql`UPDATE rate_limits SET hits = hits - 1
        WHERE key = ${hit.key} AND resets_at = ${hit.resetsAt.toISOString()}::timestamptz AND hits > 0`,
  );
}
