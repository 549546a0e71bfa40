// Seeds the demo accounts into an empty database (migrating it first):
//   npm run db:seed
// Does nothing when any user exists, so it is safe to run on a real business.
import "./lib/load-env";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/server/demo-seed";
import { prepareDataDirectory } from "./lib/data-directory";
import { printDemoAccounts } from "./lib/demo-accounts";

async function main(): Promise<void> {
  await prepareDataDirectory();
  const handle = await openDatabase();
  try {
    await migrateDatabase(handle);
    if (await seedDemoData(handle.db)) {
      console.log("Seeded the demo data.");
      printDemoAccounts();
    } else {
      console.log("The database already has users: nothing seeded.");
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
