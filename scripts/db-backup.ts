// `npm run db:backup [-- --out FILE]`: backs up the database the app uses.
// PostgreSQL (DATABASE_URL): a plain pg_dump file. PGlite: a tarball of the
// data directory; the app must be stopped, since a PGlite data directory can
// be open in only one process. Default file:
// backups/coachbook-<postgres|pglite>-<UTC timestamp>.<sql|tar.gz>.
import "./lib/load-env";
import { parseArgs } from "node:util";
import { backupDatabase, pgliteDirectoryMayBeOpen } from "@/db/backup";
import { currentDatabaseLocation } from "@/db/client";
import { databaseLabel, displayPath } from "./lib/database-label";

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== "--"),
    options: { out: { type: "string" } },
  });
  const location = currentDatabaseLocation();
  console.log(`Database: ${databaseLabel()}`);
  if (location.kind === "pglite") warnAppMustBeStopped(location.dataDir);
  const result = await backupDatabase(location, { outFile: values.out });
  const size = result.bytes < 1024 * 1024 ? `${Math.ceil(result.bytes / 1024)} KB` : `${(result.bytes / 1024 / 1024).toFixed(1)} MB`;
  console.log(`Backup written: ${displayPath(result.file)} (${size}).`);
  console.log(`Restore it with: npm run db:restore -- ${displayPath(result.file)}`);
}

function warnAppMustBeStopped(dataDir: string): void {
  console.log("PGlite: the app must be stopped (npm run dev, npm start, other scripts): a PGlite data");
  console.log("directory can be open in only one process, and nothing locks it.");
  if (pgliteDirectoryMayBeOpen(dataDir)) {
    console.log(`Note: ${dataDir}/postmaster.pid exists, so the directory is open elsewhere or was not`);
    console.log("closed cleanly. If the app is running, stop it (Ctrl-C) and run this again.");
  }
}

main().catch((error: unknown) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
