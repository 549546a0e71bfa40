// `npm start`: everything a first-time user needs in one command. Prepares the
// database (PGlite in .data/pglite unless DATABASE_URL is set): applies the
// migrations and, on an empty database, seeds the demo accounts and prints
// them (unless SEED_DEMO_DATA=false). Then builds the app if the build is
// missing or stale, and serves it with `next start` on PORT (default 3000)
// and HOSTNAME (default: all interfaces).
import { spawn } from "node:child_process";
import { constants } from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/db/seed";
import { pgliteDataDirectory, prepareDataDirectory } from "./lib/data-directory";
import { printDemoAccounts } from "./lib/demo-accounts";
import { ensureBuild } from "./lib/ensure-build";

async function prepareDatabase(): Promise<void> {
  const dataDir = pgliteDataDirectory();
  console.log(dataDir ? `Database: PGlite in ${dataDir}` : "Database: PostgreSQL (DATABASE_URL)");
  await prepareDataDirectory();
  const handle = await openDatabase();
  try {
    await migrateDatabase(handle);
    console.log("Database: migrations applied.");
    // Demo passwords are public: a self-hosted install opts out before its first start.
    if (process.env.SEED_DEMO_DATA === "false") return;
    if (await seedDemoData(handle.db)) {
      console.log("Database: first run, demo data seeded.");
      printDemoAccounts();
    }
  } finally {
    // PGlite allows one open instance per data directory: the server opens it next.
    await handle.close();
  }
}

function serve(): Promise<number> {
  const port = process.env.PORT ?? "3000";
  const hostname = process.env.HOSTNAME;
  const args = ["start", "-p", port, ...(hostname ? ["-H", hostname] : [])];
  const shownHost = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname;
  console.log(`Coachbook: starting on http://${shownHost}:${port}`);

  const child = spawn(path.join(process.cwd(), "node_modules", ".bin", "next"), args, {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);

  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 1));
    });
  });
}

async function main(): Promise<number> {
  await prepareDatabase();
  await ensureBuild();
  return serve();
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
