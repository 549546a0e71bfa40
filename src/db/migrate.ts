// Applies the SQL migrations in drizzle/ with drizzle's own migrators (the
// PGlite one, since drizzle-kit cannot load extensions into PGlite). All
// pending migrations run in one transaction: they apply whole or not at all.
import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { DatabaseHandle } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (handle.kind === "pglite") {
    await migratePglite(handle.db, config);
  } else {
    await migratePostgres(handle.db, config);
  }
}
