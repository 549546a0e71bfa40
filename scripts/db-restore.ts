// `npm run db:restore -- FILE`: replaces the database the app uses with a
// backup made by `npm run db:backup`. PostgreSQL: psql in one transaction, so
// a failed restore changes nothing. PGlite: the app must be stopped; the
// backup is loaded into a new directory, checked, then swapped in, and the old
// directory is kept beside it as <dir>.before-restore-<UTC timestamp>.
import "./lib/load-env";
import { parseArgs } from "node:util";
import { pgliteDirectoryMayBeOpen, restoreDatabase } from "@/db/backup";
import { currentDatabaseLocation } from "@/db/client";
import { databaseLabel, displayPath } from "./lib/database-label";

const USAGE = "Usage: npm run db:restore -- FILE";

async function main(): Promise<void> {
  const { positionals } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== "--"),
    allowPositionals: true,
    options: {},
  });
  if (positionals.length !== 1) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const location = currentDatabaseLocation();
  console.log(`Database: ${databaseLabel()}`);
  if (location.kind === "pglite") {
    console.log("PGlite: the app must be stopped (npm run dev, npm start, other scripts): a PGlite data");
    console.log("directory can be open in only one process, and nothing locks it.");
    if (pgliteDirectoryMayBeOpen(location.dataDir)) {
      console.log(`Note: ${location.dataDir}/postmaster.pid exists, so the directory is open elsewhere or was`);
      console.log("not closed cleanly. If the app is running, stop it now: it would keep the old directory open.");
    }
  }
  const result = await restoreDatabase(location, positionals[0]!);
  console.log(`Restored ${displayPath(result.file)}.`);
  if (result.kind === "pglite") {
    console.log(`PGlite data directory: ${displayPath(result.dataDir)}`);
    if (result.previousDataDir) {
      console.log(`The previous data directory was kept as ${displayPath(result.previousDataDir)}; delete it once you are sure.`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
