// A running app on a database the test keeps hold of, so it can compare every
// row before and after (tests/helpers/database-contents.ts). PostgreSQL: a
// fresh test database, readable while the server runs. PGlite: a temporary
// data directory, readable only while the server is stopped (one process per
// directory) — `contents()` then reads it after stop().
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { databaseContents } from "../helpers/database-contents";
import { createMigratedTestDatabase } from "../helpers/test-database";

export interface OwnDatabaseServer {
  server: AppServer;
  /** Every row of every table (PGlite: stops the server first). */
  contents(): Promise<Awaited<ReturnType<typeof databaseContents>>>;
  close(): Promise<void>;
}

export async function serveOwnDatabase(
  prepare: (handle: DatabaseHandle) => Promise<void>,
  env: Record<string, string | undefined> = {},
): Promise<OwnDatabaseServer & { before: Awaited<ReturnType<typeof databaseContents>> }> {
  if (process.env.DATABASE_URL) {
    const handle = await createMigratedTestDatabase();
    await prepare(handle);
    const before = await databaseContents(handle);
    const name = (await handle.db.execute<{ name: string }>(sql`select current_database() as name`)).rows[0]!.name;
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    const server = await startAppServer({ database: { databaseUrl: url.toString() }, env });
    return {
      server,
      before,
      contents: () => databaseContents(handle),
      close: async () => {
        await server.stop();
        await handle.close();
      },
    };
  }
  const tempDir = await mkdtemp(path.join(tmpdir(), "coachbook-own-"));
  const dataDir = path.join(tempDir, "pglite");
  const withHandle = async <T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> => {
    const handle = await openDatabase({ databaseUrl: "", pgliteDataDir: dataDir });
    try {
      return await work(handle);
    } finally {
      await handle.close();
    }
  };
  const before = await withHandle(async (handle) => {
    await migrateDatabase(handle);
    await prepare(handle);
    return databaseContents(handle);
  });
  const server = await startAppServer({ database: { pgliteDir: dataDir }, env });
  return {
    server,
    before,
    contents: async () => {
      await server.stop();
      return withHandle(databaseContents);
    },
    close: async () => {
      await server.stop();
      await rm(tempDir, { recursive: true, force: true });
    },
  };
}

/** A session row with a known token: the bearer plugin signs it and finds it, no sign-in needed. */
export async function addSessionToken(handle: DatabaseHandle, userId: string, token: string, expiresAt?: Date): Promise<void> {
  const expires = (expiresAt ?? new Date(Date.now() + 86_400_000)).toISOString();
  await handle.db.execute(sql`INSERT INTO sessions (token, user_id, expires_at) VALUES (${token}, ${userId}, ${expires}::timestamptz)`);
}
