// Counts one hit against a rate limit in PostgreSQL, so every instance of the
// app shares the count: one atomic upsert on rate_limits (fixed window; a row
// whose window has passed starts again at 1). `now` is the caller's clock, so
// the window does not depend on the database's. Now and then the same call
// deletes rows long expired, so the table stays as small as its live keys.
import { sql } from "drizzle-orm";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { rateLimits } from "@/db/schema";
import { columnName, columnNames } from "@/db/sql-names";
import { AppError } from "@/domain/errors";
import type { RateLimitRule } from "./rate-limit-rules";

export interface RateLimitHit {
  key: string;
  allowed: boolean;
  hits: number;
  /** End of the current window: identifies it for releaseRateLimit(). */
  resetsAt: Date;
  /** Whole seconds until the window ends (at least 1): the Retry-After of a refusal. */
  retryAfterSeconds: number;
}

/** About one hit in this many also sweeps expired rows: cheap, and no timer in any process. */
const SWEEP_ONE_IN = 200;
/** Rows are kept this long after their window: a sweep never races a live window. */
const SWEEP_AFTER_MS = 60 * 60 * 1000;

export async function hitRateLimit(
  db: DatabaseOrTransaction,
  rule: RateLimitRule,
  subject: string,
  now: Date = new Date(),
): Promise<RateLimitHit> {
  const key = `${rule.name}:${subject}`;
  const nowText = now.toISOString();
  const nextReset = new Date(now.getTime() + rule.windowSeconds * 1000).toISOString();
  const [row] = await selectRows<{ hits: number; resets_at: string | Date }>(
    db,
    sql`INSERT INTO ${rateLimits} (${columnNames(rateLimits.key, rateLimits.hits, rateLimits.resetsAt)})
        VALUES (${key}, 1, ${nextReset}::timestamptz)
        ON CONFLICT (${columnName(rateLimits.key)}) DO UPDATE SET
          ${columnName(rateLimits.hits)} = CASE WHEN ${rateLimits.resetsAt} <= ${nowText}::timestamptz THEN 1 ELSE ${rateLimits.hits} + 1 END,
          ${columnName(rateLimits.resetsAt)} = CASE WHEN ${rateLimits.resetsAt} <= ${nowText}::timestamptz
            THEN EXCLUDED.${columnName(rateLimits.resetsAt)} ELSE ${rateLimits.resetsAt} END
        RETURNING ${columnNames(rateLimits.hits, rateLimits.resetsAt)}`,
  );
  if (Math.random() * SWEEP_ONE_IN < 1) void sweepExpired(db, now);
  const resetsAt = new Date(row!.resets_at);
  const hits = Number(row!.hits);
  return {
    key,
    allowed: hits <= rule.limit,
    hits,
    resetsAt,
    retryAfterSeconds: Math.max(1, Math.ceil((resetsAt.getTime() - now.getTime()) / 1000)),
  };
}

/** The 429 for a refused hit: the edges answer it with `Retry-After`. */
export function rateLimitedError(hit: Pick<RateLimitHit, "retryAfterSeconds">, what: string): AppError {
  return new AppError("rate_limited", `Too many ${what}; try again in ${hit.retryAfterSeconds} s`, undefined, {
    retryAfterSeconds: hit.retryAfterSeconds,
  });
}

async function sweepExpired(db: DatabaseOrTransaction, now: Date): Promise<void> {
  const before = new Date(now.getTime() - SWEEP_AFTER_MS).toISOString();
  try {
    await db.execute(sql`DELETE FROM ${rateLimits} WHERE ${rateLimits.resetsAt} < ${before}::timestamptz`);
  } catch (error) {
    console.error("[rate-limits] sweeping expired rows failed:", error);
  }
}
