// `npm run db:check`: checks DESIGN.md's invariants on the database
// (DATABASE_URL, else PGlite in PGLITE_DIR or .data/pglite) with the same
// queries the reliability tests use (src/db/invariants.ts). Read-only.
// Prints every violated invariant with a few example rows.
// Exit codes: 0 every invariant holds, 1 violations found (or the check
// could not run: database unreachable, migrations pending, PGlite directory
// held by a running server).
import "./lib/load-env";
import { existsSync } from "node:fs";
import { openDatabase } from "@/db/client";
import { checkInvariants, describeViolations, INVARIANT_CHECKS } from "@/db/invariants";
import { databaseErrorMessage, pendingMigrations } from "@/db/migrate";
import { pgliteDirectoryOnDisk } from "./lib/data-directory";
import { databaseLabel, displayPath } from "./lib/database-label";
import { liveServerOn } from "./lib/server-pid";

async function main(): Promise<number> {
  console.log(`Database: ${databaseLabel()}`);
  const dataDir = pgliteDirectoryOnDisk();
  if (dataDir) {
    // Opening a missing directory would create an empty database.
    if (!existsSync(dataDir)) {
      console.error(`No PGlite database at ${displayPath(dataDir)}: nothing to check (run npm run db:migrate first).`);
      return 1;
    }
    const server = liveServerOn(dataDir);
    if (server) {
      console.error(
        `The app server (pid ${server.pid}) has ${displayPath(dataDir)} open; PGlite allows one process per ` +
          "data directory. Stop it and run this again.",
      );
      return 1;
    }
  }
  const handle = await openDatabase();
  try {
    const pending = await pendingMigrations(handle);
    if (pending.length > 0) {
      console.error(`The database has ${pending.length} pending migration(s): run npm run db:migrate first.`);
      return 1;
    }
    const violations = await handle.db.transaction((tx) => checkInvariants(tx));
    if (violations.length === 0) {
      console.log(`All ${INVARIANT_CHECKS.length} invariants hold.`);
      return 0;
    }
    console.error(`${violations.length} of ${INVARIANT_CHECKS.length} invariants are violated:`);
    console.error(describeViolations(violations));
    return 1;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`db:check failed: ${databaseErrorMessage(error)}`);
    process.exitCode = 1;
  },
);
