// The PostgreSQL pool bounds every wait for a connection (src/db/client.ts):
// a request finding the queue full is refused at once, one waiting past
// waitMs is refused then, and both errors read as "the database cannot keep
// up" (503 with Retry-After at the edges), not as a bug. PGlite has no pool.
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { poolOf, selectRows, type DatabaseOrTransaction } from "@/db";
import { openDatabase, poolBounds, type DatabaseHandle } from "@/db/client";
import { DatabaseBusyError, isDatabaseUnavailable, LOCK_NOT_AVAILABLE, QUERY_CANCELED } from "@/db/errors";

const databaseUrl = process.env.DATABASE_URL;

describe("pool bounds", () => {
  it("come from the environment, with defaults", () => {
    const env = (values: Record<string, string>) => values as unknown as NodeJS.ProcessEnv;
    expect(poolBounds(env({}))).toEqual({ size: 10, maxWaiting: 500, waitMs: 5_000 });
    expect(poolBounds(env({ DATABASE_POOL_SIZE: "4", DATABASE_POOL_QUEUE: "20", DATABASE_POOL_WAIT_MS: "250" }))).toEqual({
      size: 4,
      maxWaiting: 20,
      waitMs: 250,
    });
    expect(poolBounds(env({ DATABASE_POOL_SIZE: "0", DATABASE_POOL_QUEUE: "lots", DATABASE_POOL_WAIT_MS: "-1" }))).toEqual(poolBounds(env({})));
  });

  it("a lock or statement timeout reads as the database not keeping up (503), not a bug", () => {
    for (const code of [LOCK_NOT_AVAILABLE, QUERY_CANCELED]) {
      expect(isDatabaseUnavailable(new Error("Failed query", { cause: Object.assign(new Error("timeout"), { code }) }))).toBe(true);
    }
  });
});

// PostgreSQL only: defined only there (a skipped test would count as not passed).
if (databaseUrl) describe("a pool that cannot keep up (PostgreSQL)", () => {
  let handle: DatabaseHandle | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });

  /** Holds the pool's only connection in a transaction until `release` is called. */
  async function holdOnlyConnection(db: DatabaseOrTransaction): Promise<{ release: () => void; done: Promise<void> }> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const isHolding = new Promise<void>((resolve) => (holding = resolve));
    const done = db.transaction(async (tx) => {
      await tx.execute(sql`SELECT 1`);
      holding();
      await released;
    });
    await Promise.race([isHolding, done]);
    return { release, done };
  }

  it("refuses a request at once when the queue is full, and serves the queued one afterwards", async () => {
    handle = await openDatabase({ databaseUrl, pool: { size: 1, maxWaiting: 1, waitMs: 60_000 } });
    const db: DatabaseOrTransaction = handle.db;
    const { release, done } = await holdOnlyConnection(db);
    const queued = selectRows<{ one: number }>(db, sql`SELECT 1 AS one`);
    // drizzle reaches the pool a few ticks later: wait until the first request is in the queue.
    const pool = poolOf(db)!;
    while (pool.waitingCount < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    const refused = await db.execute(sql`SELECT 2`).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isDatabaseUnavailable(refused)).toBe(true);
    // drizzle wraps a plain query's error; the pool's own is on the cause chain.
    let cause: unknown = refused;
    while (cause instanceof Error && !(cause instanceof DatabaseBusyError)) cause = cause.cause;
    expect(cause).toBeInstanceOf(DatabaseBusyError);
    // A transaction asks the pool directly: refused the same way.
    await expect(db.transaction(async () => {})).rejects.toBeInstanceOf(DatabaseBusyError);
    release();
    await done;
    expect(await queued).toEqual([{ one: 1 }]);
  });

  it("refuses a request that waited waitMs for a connection", async () => {
    handle = await openDatabase({ databaseUrl, pool: { size: 1, maxWaiting: 10, waitMs: 500 } });
    const db: DatabaseOrTransaction = handle.db;
    // Opening the connection counts against waitMs too; on a loaded machine that alone may take longer. Not what is tested here.
    let held: Awaited<ReturnType<typeof holdOnlyConnection>> | undefined;
    for (let attempt = 1; !held; attempt += 1) {
      held = await holdOnlyConnection(db).catch((error: unknown) => {
        if (attempt >= 10 || !isDatabaseUnavailable(error)) throw error;
        return undefined;
      });
    }
    const { release, done } = held;
    const refused = await db.execute(sql`SELECT 1`).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeDefined();
    expect(isDatabaseUnavailable(refused)).toBe(true);
    release();
    await done;
    expect(await selectRows<{ one: number }>(db, sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
  });
});
