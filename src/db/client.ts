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
    const pool = new Pool({ connectionString: databaseUrl });
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
