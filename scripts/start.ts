// `npm start`: everything a first-time user needs in one command. Prepares the
// database (PGlite in .data/pglite unless DATABASE_URL is set): applies the
// migrations and, on an empty database, seeds the demo accounts and prints
// them (unless SEED_DEMO_DATA=false). Then builds the app if the build is
// missing or stale, and serves it with `next start` on PORT (default 3000)
// and HOSTNAME (default: all interfaces).
//
// While it runs, `<PGlite dir>.server.pid` says that this process (and its
// `next start` child) has the PGlite directory open, so `npm run
// sessions:generate` refuses instead of opening it a second time. Unless
// hosted on Vercel (whose cron calls the endpoint) or INTERNAL_SCHEDULER=off,
// it also runs the daily session generation at 02:00 in BUSINESS_TIMEZONE by
// calling the app's own cron endpoint: this process never opens the database
// while the server runs.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { constants } from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/db/seed";
import { businessTimeZone } from "@/server/config";
import { pgliteDataDirectory, pgliteDirectoryOnDisk, prepareDataDirectory } from "./lib/data-directory";
import { printDemoAccounts } from "./lib/demo-accounts";
import { ensureBuild } from "./lib/ensure-build";
import { cronEndpointTrigger, schedulerMode, startDailyGeneration } from "./lib/scheduler";
import { claimDataDirectory } from "./lib/server-pid";

type DataDirectoryClaim = Awaited<ReturnType<typeof claimDataDirectory>>;

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

function serve(claim: DataDirectoryClaim | null, timeZone: string): Promise<number> {
  const port = process.env.PORT ?? "3000";
  const hostname = process.env.HOSTNAME;
  const scheduling = schedulerMode(process.env, timeZone);
  // The scheduler proves itself to the endpoint with CRON_SECRET; without
  // one, a random secret for this run only (never printed) goes to the child.
  const cronSecret =
    process.env.CRON_SECRET?.trim() || (scheduling.mode === "internal" ? randomBytes(32).toString("base64url") : "");
  const args = ["start", "-p", port, ...(hostname ? ["-H", hostname] : [])];
  const shownHost = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname;
  console.log(`Coachbook: starting on http://${shownHost}:${port}`);

  const child = spawn(path.join(process.cwd(), "node_modules", ".bin", "next"), args, {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...(cronSecret ? { CRON_SECRET: cronSecret } : {}),
    },
  });
  if (child.pid) claim?.update({ childPid: child.pid });

  console.log(scheduling.message);
  const scheduler =
    scheduling.mode === "internal"
      ? startDailyGeneration({
          timeZone,
          trigger: cronEndpointTrigger({
            url: `http://${localHost(hostname)}:${port}/api/cron/generate-sessions`,
            secret: cronSecret,
          }),
          log: (line) => console.log(line),
        })
      : null;

  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);

  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      scheduler?.stop();
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 1));
    });
  });
}

/** Where this process reaches its own server: loopback unless bound to one address. */
function localHost(hostname: string | undefined): string {
  if (!hostname || hostname === "0.0.0.0" || hostname === "::") return "127.0.0.1";
  return hostname.includes(":") ? `[${hostname}]` : hostname;
}

async function main(): Promise<number> {
  // A bad BUSINESS_TIMEZONE stops the start here, with its reason.
  const timeZone = businessTimeZone();
  const dataDir = pgliteDirectoryOnDisk();
  const claim = dataDir ? await claimDataDirectory(dataDir, { port: process.env.PORT ?? "3000" }) : null;
  try {
    await prepareDatabase();
    await ensureBuild();
    return await serve(claim, timeZone);
  } finally {
    claim?.release();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
