// A running app on a database the test keeps hold of, so it can compare every
// row before and after (tests/helpers/database-contents.ts). PostgreSQL: a
// fresh test database, readable while the server runs. PGlite: a temporary
// data directory, readable only while the server is stopped (one process per
// directory) — so there `contents()` stops the server first.
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { databaseContents } from "../helpers/database-contents";
import { createScriptDatabase } from "../helpers/script-database";

type Contents = Awaited<ReturnType<typeof databaseContents>>;

export interface OwnDatabaseServer {
  server: AppServer;
  /** Every row of every table, as `prepare` left them. */
  before: Contents;
  /** Every row of every table now (PGlite: stops the server first). */
  contents(): Promise<Contents>;
  close(): Promise<void>;
}

export async function serveOwnDatabase(
  prepare: (handle: DatabaseHandle) => Promise<void>,
  env: Record<string, string | undefined> = {},
): Promise<OwnDatabaseServer> {
  const database = await createScriptDatabase({ migrated: true });
  const before = await database.withDatabase(async (handle) => {
    await prepare(handle);
    return databaseContents(handle);
  });
  const onPostgres = Boolean(database.env.DATABASE_URL);
  const server = await startAppServer({
    database: onPostgres ? { databaseUrl: database.env.DATABASE_URL! } : { pgliteDir: database.env.PGLITE_DIR! },
    env,
  });
  return {
    server,
    before,
    contents: async () => {
      if (!onPostgres) await server.stop();
      return database.withDatabase(databaseContents);
    },
    close: async () => {
      await server.stop();
      await database.close();
    },
  };
}

/** A session row with a known token: the bearer plugin signs it and finds it, no sign-in needed. */
export async function addSessionToken(handle: DatabaseHandle, userId: string, token: string, expiresAt?: Date): Promise<void> {
  const expires = (expiresAt ?? new Date(Date.now() + 86_400_000)).toISOString();
  await handle.db.execute(sql`INSERT INTO sessions (token, user_id, expires_at) VALUES (${token}, ${userId}, ${expires}::timestamptz)`);
}
