// `npm run db:check-upgrade`: tries the pending migrations in one transaction
// and always rolls back, so nothing changes. Prints "Ready" with the pending
// migrations, "Up to date", or the preflight's report (exit code 1).
// See docs/decisions/0009-v1-upgrade-refusal-rule.md.
import "./lib/load-env";
import { existsSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { checkUpgrade } from "@/db/check-upgrade";
import { databaseErrorMessage } from "@/db/migrate";
import { pgliteDirectoryOnDisk } from "./lib/data-directory";
import { databaseLabel } from "./lib/database-label";

async function main(): Promise<void> {
  console.log(`Database: ${databaseLabel()}`);
  const dataDir = pgliteDirectoryOnDisk();
  if (dataDir && !existsSync(path.join(dataDir, "PG_VERSION"))) {
    // Opening it would create it: a check changes nothing.
    console.log(`No database in ${dataDir} yet: \`npm run db:migrate\` or \`npm start\` creates it.`);
    return;
  }
  const handle = await openDatabase();
  try {
    const result = await checkUpgrade(handle);
    if (!result.ready) {
      console.error(result.report);
      console.error(`\nChecked ${result.pending.length} pending migration(s) (${result.pending.join(", ")}) and rolled back: nothing was changed.`);
      process.exitCode = 1;
    } else if (result.pending.length === 0) {
      console.log("Up to date: no pending migration.");
    } else {
      console.log(`Ready: ${result.pending.length} pending migration(s): ${result.pending.join(", ")}`);
      console.log("They applied cleanly and were rolled back; run `npm run db:migrate` to apply them.");
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(databaseErrorMessage(error));
  process.exitCode = 1;
});
