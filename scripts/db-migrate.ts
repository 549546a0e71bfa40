// `npm run db:migrate`: applies the pending migrations in drizzle/ to the
// database (DATABASE_URL, else PGlite in PGLITE_DIR or .data/pglite) and says
// which. They run in one transaction: on any failure, none is applied. When
// the upgrade's preflight refuses v1 data, its report is printed as is.
import "./lib/load-env";
import { openDatabase } from "@/db/client";
import { databaseErrorMessage, migrateDatabase, pendingMigrations } from "@/db/migrate";
import { prepareDataDirectory } from "./lib/data-directory";
import { databaseLabel } from "./lib/database-label";

async function main(): Promise<void> {
  console.log(`Database: ${databaseLabel()}`);
  await prepareDataDirectory();
  const handle = await openDatabase();
  try {
    const pending = await pendingMigrations(handle);
    await migrateDatabase(handle);
    if (pending.length === 0) {
      console.log("Database is up to date: no pending migration.");
    } else {
      console.log(`Applied ${pending.length} migration(s):`);
      for (const migration of pending) console.log(`  - ${migration.tag}`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(databaseErrorMessage(error));
  console.error("\nNo migration was applied.");
  process.exitCode = 1;
});
