// Opens the database: a PostgreSQL server when DATABASE_URL is set, otherwise
// embedded PGlite in a data directory (default .data/pglite) so a new user
// needs no server. btree_gist is always loaded: the overlap exclusion
// constraints of DESIGN.md depend on it, and PGlite only knows extensions
// passed to its constructor (including when a data directory is reopened).
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { DatabaseBusyError } from "./errors";

export type PgliteDb = ReturnType<typeof drizzlePglite>;
export type PostgresDb = ReturnType<typeof drizzlePostgres>;
export type Database = PgliteDb | PostgresDb;

interface HandleCommon {
  /** Runs a multi-statement SQL script (no parameters), e.g. a migration file. */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

/** The kind travels with the typed drizzle instance, so code can narrow on it. */
export type DatabaseHandle =
  | (HandleCommon & { kind: "pglite"; db: PgliteDb })
  | (HandleCommon & { kind: "postgres"; db: PostgresDb });

export type DatabaseKind = DatabaseHandle["kind"];

export interface OpenDatabaseOptions {
  /** postgres://… URL; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; "memory://" for an in-memory database. */
  pgliteDataDir?: string;
  /** PostgreSQL pool bounds; defaults poolBounds() (env DATABASE_POOL_SIZE, DATABASE_POOL_QUEUE, DATABASE_POOL_WAIT_MS). */
  pool?: Partial<PoolBounds>;
}

/**
 * How many connections a process keeps, how many requests may wait for one,
 * and for how long (the wait includes opening a connection when the pool
 * has room for one). Every wait is bounded: past either bound a request gets
 * an error the edges answer 503 with Retry-After (isDatabaseUnavailable),
 * instead of queueing behind a database that cannot keep up.
 */
export interface PoolBounds {
  size: number;
  maxWaiting: number;
  waitMs: number;
}

export function poolBounds(env: NodeJS.ProcessEnv = process.env): PoolBounds {
  const number = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return value && Number.isInteger(n) && n > 0 ? n : fallback;
  };
  return {
    size: number(env.DATABASE_POOL_SIZE, 10),
    maxWaiting: number(env.DATABASE_POOL_QUEUE, 500),
    waitMs: number(env.DATABASE_POOL_WAIT_MS, 5_000),
  };
}

export const DEFAULT_PGLITE_DIR = ".data/pglite";

/** Where the database lives: what the scripts, backup and restore work on. */
export type DatabaseLocation =
  | { kind: "postgres"; databaseUrl: string }
  | { kind: "pglite"; dataDir: string };

/** The database the app uses: DATABASE_URL, else PGlite in PGLITE_DIR or .data/pglite. */
export function currentDatabaseLocation(env: NodeJS.ProcessEnv = process.env): DatabaseLocation {
  if (env.DATABASE_URL) return { kind: "postgres", databaseUrl: env.DATABASE_URL };
  return { kind: "pglite", dataDir: env.PGLITE_DIR ?? DEFAULT_PGLITE_DIR };
}

/**
 * A pool that refuses a connection request at once when `maxWaiting`
 * requests already wait (node-postgres queues without bound). Plain queries
 * and transactions both come through connect(); connectionTimeoutMillis
 * bounds how long a queued one waits.
 */
function boundedPool(pool: Pool, maxWaiting: number): Pool {
  const connect = pool.connect.bind(pool) as (callback?: (error: Error | undefined, ...rest: unknown[]) => void) => unknown;
  const bounded = (callback?: (error: Error | undefined, ...rest: unknown[]) => void): unknown => {
    if (pool.waitingCount < maxWaiting) return connect(callback);
    const error = new DatabaseBusyError(pool.waitingCount);
    if (!callback) return Promise.reject(error);
    process.nextTick(() => callback(error));
    return undefined;
  };
  pool.connect = bounded as Pool["connect"];
  return pool;
}

/**
 * The one way to open PGlite: with btree_gist, which PGlite only knows when
 * it is passed to the constructor, also when reopening a data directory.
 * `loadDataDir` fills a new directory from a dumpDataDir() tarball.
 */
export function openPglite(dataDir: string, loadDataDir?: Blob): Promise<PGlite> {
  return PGlite.create({ dataDir, loadDataDir, extensions: { btree_gist } });
}

export async function openDatabase(
  options: OpenDatabaseOptions = {},
): Promise<DatabaseHandle> {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  if (databaseUrl) {
    const bounds = { ...poolBounds(), ...options.pool };
    const pool = boundedPool(
      // Idle connections are kept a minute (node-postgres: 10 s): a burst after
      // a quiet spell then finds them open instead of opening ten at once,
      // which on a loaded server can itself take seconds.
      new Pool({ connectionString: databaseUrl, max: bounds.size, connectionTimeoutMillis: bounds.waitMs, idleTimeoutMillis: 60_000 }),
      bounds.maxWaiting,
    );
    // An idle connection cut by the server (restart, failover, network) is
    // reported here; without a listener it would crash the process. The pool
    // drops it and opens a new one on the next query.
    pool.on("error", (error) => {
      console.error(`[db] idle PostgreSQL connection lost: ${error.message}`);
    });
    return {
      db: drizzlePostgres(pool),
      kind: "postgres",
      exec: async (script) => {
        await pool.query(script);
      },
      close: () => pool.end(),
    };
  }
  const dataDir =
    options.pgliteDataDir ?? process.env.PGLITE_DIR ?? DEFAULT_PGLITE_DIR;
  const client = await openPglite(dataDir);
  return {
    db: drizzlePglite(client),
    kind: "pglite",
    exec: async (script) => {
      await client.exec(script);
    },
    close: () => client.close(),
  };
}
