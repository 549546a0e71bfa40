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

export async function openDatabase(
  options: OpenDatabaseOptions = {},
): Promise<DatabaseHandle> {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  if (databaseUrl) {
    const pool = new Pool({ connectionString: databaseUrl });
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
  const client = await PGlite.create({ dataDir, extensions: { btree_gist } });
  return {
    db: drizzlePglite(client),
    kind: "pglite",
    exec: async (script) => {
      await client.exec(script);
    },
    close: () => client.close(),
  };
}
