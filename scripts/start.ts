// `npm start`: everything a first-time user needs in one command. Reads
// .env/.env.local as Next does. Prepares the database (PGlite in .data/pglite
// unless DATABASE_URL is set): applies the migrations and, on an empty
// database, seeds the demo accounts and prints them (unless
// SEED_DEMO_DATA=false). Then builds the app if the build is missing or
// stale, and serves it (scripts/server.cjs: Next.js behind the body size
// limit) on PORT (default 3000) and HOSTNAME (default: all interfaces),
// supervised: a server that dies unexpectedly is started again
// (scripts/lib/supervisor.ts).
//
// While it runs, `<PGlite dir>.server.pid` says that this process (and its
// server child) has the PGlite directory open, so `npm run
// sessions:generate` refuses instead of opening it a second time. Unless
// hosted on Vercel (whose cron calls the endpoint) or INTERNAL_SCHEDULER=off,
// it also runs the daily session generation at 02:00 in BUSINESS_TIMEZONE by
// calling the app's own cron endpoint (once per day across instances: the
// endpoint keys the run by its day): this process never opens the database
// while the server runs.
import "./lib/load-env";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { missingSecretReason } from "@/auth/secret";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/server/demo-seed";
import { bodySizeLimit } from "@/server/body-size-limit";
import { businessTimeZone } from "@/server/config";
import { pgliteDataDirectory, pgliteDirectoryOnDisk, prepareDataDirectory } from "./lib/data-directory";
import { printDemoAccounts } from "./lib/demo-accounts";
import { ensureBuild } from "./lib/ensure-build";
import { cronEndpointTrigger, schedulerMode, startDailyGeneration } from "./lib/scheduler";
import { claimDataDirectory } from "./lib/server-pid";
import { superviseServer } from "./lib/supervisor";

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
  // one, a random secret for this run only (never printed) goes to the server.
  const cronSecret =
    process.env.CRON_SECRET?.trim() || (scheduling.mode === "internal" ? randomBytes(32).toString("base64url") : "");
  const shownHost = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname;
  console.log(`Coachbook: starting on http://${shownHost}:${port}`);

  const serverArgs = [path.join(process.cwd(), "scripts", "server.cjs"), "--port", port];
  const supervisor = superviseServer({
    spawn: () =>
      spawn(process.execPath, hostname ? [...serverArgs, "--hostname", hostname] : serverArgs, {
        stdio: "inherit",
        env: {
          ...process.env,
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          ...(cronSecret ? { CRON_SECRET: cronSecret } : {}),
        },
      }),
    onStart: (pid) => {
      console.log(`Coachbook: server process ${pid}`);
      claim?.update({ childPid: pid });
    },
    log: (line) => console.log(line),
  });

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

  // A signal to `npm start` stops the server for good: no restart.
  const stop = (signal: NodeJS.Signals) => supervisor.stop(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  return supervisor.done.finally(() => {
    scheduler?.stop();
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  });
}

/** Where this process reaches its own server: loopback unless bound to one address. */
function localHost(hostname: string | undefined): string {
  if (!hostname || hostname === "0.0.0.0" || hostname === "::") return "127.0.0.1";
  return hostname.includes(":") ? `[${hostname}]` : hostname;
}

async function main(): Promise<number> {
  // A bad BUSINESS_TIMEZONE, or a missing BETTER_AUTH_SECRET where one is
  // required (the server runs in production), stops the start here.
  const timeZone = businessTimeZone();
  const secretMissing = missingSecretReason({ ...process.env, NODE_ENV: "production" });
  if (secretMissing) throw new Error(secretMissing);
  bodySizeLimit();
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
