// A fresh, empty database for one test file: an in-memory PGlite by default,
// or a new database on the PostgreSQL server named by DATABASE_URL (dropped
// afterwards), so test files never share state.
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return openDatabase({ databaseUrl: "", pgliteDataDir: "memory://" });

  const name = `coachbook_test_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();

  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = new Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** A fresh database with every migration applied: the current schema, empty. */
export async function createMigratedTestDatabase(): Promise<DatabaseHandle> {
  const handle = await createTestDatabase();
  try {
    await migrateDatabase(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/**
 * One fresh migrated database for the calling test file: created before its
 * tests, closed (and on PostgreSQL dropped) after them. `onOpen` receives
 * the handle, typically to keep its `db` (and may set up shared rows).
 */
export function useMigratedDatabase(onOpen: (handle: DatabaseHandle) => void | Promise<void>): void {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await createMigratedTestDatabase();
    await onOpen(handle);
  });
  afterAll(async () => {
    await handle?.close();
  });
}
