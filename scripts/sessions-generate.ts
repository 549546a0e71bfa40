// `npm run sessions:generate -- [--weeks N] [--now ISO]`: run the session
// generator from the shell, N weeks ahead (1–52, default
// SESSION_HORIZON_WEEKS), as of now or of `--now` (backfills, tests). Prints
// progress per batch on long runs and a one-line summary; the run is recorded
// with trigger "cli".
// Exit codes: 0 done, 1 failed (or the database is busy), 2 bad arguments.
// With PGlite, the running `npm start` owns the data directory: this refuses
// and points to the admin endpoint instead. PostgreSQL has no such limit.
import "./lib/load-env";
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { databaseErrorMessage, pendingMigrations } from "@/db/migrate";
import { isAppError } from "@/domain/errors";
import { businessTimeZone, sessionHorizonWeeks } from "@/server/config";
import { generateSessions } from "@/server/sessions/generate-sessions";
import { pgliteDirectoryOnDisk, prepareDataDirectory } from "./lib/data-directory";
import { databaseLabel, displayPath } from "./lib/database-label";
import { liveServerOn, serverPidFile } from "./lib/server-pid";

const USAGE =
  "Usage: npm run sessions:generate -- [--weeks 1..52] [--now 2027-03-01T00:00:00Z] [--batch-size N (series per statement, default 5000)]";
const DEFAULT_BATCH_SIZE = 5_000;

class UsageError extends Error {}

interface Arguments {
  weeks: number;
  now?: Date;
  batchSize: number;
}

function parseArguments(argv: string[]): Arguments | "help" {
  let values: { weeks?: string; now?: string; "batch-size"?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        weeks: { type: "string" },
        now: { type: "string" },
        "batch-size": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return "help";

  let weeks: number;
  if (values.weeks === undefined) {
    try {
      weeks = sessionHorizonWeeks();
    } catch (error) {
      throw new UsageError(`${(error as Error).message} (the default of --weeks)`);
    }
  } else {
    weeks = /^\s*\d+\s*$/.test(values.weeks) ? Number(values.weeks) : Number.NaN;
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) {
      throw new UsageError(`--weeks: must be a whole number from 1 to 52 (got "${values.weeks}")`);
    }
  }

  let now: Date | undefined;
  if (values.now !== undefined) {
    // An instant with its offset: a date alone would depend on this machine's zone.
    const valid = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/i.test(values.now);
    now = new Date(values.now);
    if (!valid || Number.isNaN(now.getTime())) {
      throw new UsageError(`--now: must be an ISO 8601 date-time with an offset, e.g. 2027-03-01T00:00:00Z (got "${values.now}")`);
    }
  }

  let batchSize = DEFAULT_BATCH_SIZE;
  if (values["batch-size"] !== undefined) {
    batchSize = /^\s*\d+\s*$/.test(values["batch-size"]) ? Number(values["batch-size"]) : Number.NaN;
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
      throw new UsageError(`--batch-size: must be a whole number from 1 to 100000 (got "${values["batch-size"]}")`);
    }
  }

  try {
    businessTimeZone();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return { weeks, now, batchSize };
}

/** With PGlite, the data directory must not be open in a running server. */
function refuseWhenServerRuns(): string | null {
  const dataDir = pgliteDirectoryOnDisk();
  if (!dataDir) return null;
  const server = liveServerOn(dataDir);
  if (!server) return null;
  const port = server.port ?? "3000";
  return [
    `The app server (npm start, pid ${server.pid}) has the PGlite database ${displayPath(dataDir)} open,`,
    `and PGlite allows one process per data directory (${displayPath(serverPidFile(dataDir))}).`,
    "Ask the running server instead, as the owner:",
    `  curl -X POST http://localhost:${port}/api/admin/generate-sessions \\`,
    `    -H "Authorization: Bearer <owner session token>" -H "content-type: application/json" \\`,
    `    -d '{"weeksAhead": 6}'`,
    "or stop the server and run this command again.",
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  let args: Arguments | "help";
  try {
    args = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  if (args === "help") {
    console.log(USAGE);
    return 0;
  }

  const busy = refuseWhenServerRuns();
  if (busy) {
    console.error(busy);
    return 1;
  }

  console.log(`Database: ${databaseLabel()}`);
  console.log(
    `Generating sessions ${args.weeks} week(s) ahead of ${(args.now ?? new Date()).toISOString()}` +
      ` (business time zone ${businessTimeZone()})`,
  );
  await prepareDataDirectory();
  const handle = await openDatabase();
  // SIGTERM / Ctrl-C: finish the batch in flight, record the run as failed and
  // close the database. PGlite in particular must be closed: a PGlite data
  // directory whose process dies mid-write may not open again.
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`${signal}: stopping after the current batch…`);
    stop.abort();
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
  try {
    const pending = await pendingMigrations(handle);
    if (pending.length > 0) {
      console.error(`The database has ${pending.length} pending migration(s): run npm run db:migrate first.`);
      return 1;
    }
    const result = await generateSessions(handle.db, {
      weeksAhead: args.weeks,
      now: args.now,
      trigger: "cli",
      batchSize: args.batchSize,
      signal: stop.signal,
      onProgress: ({ seriesDone, seriesTotal, created, conflicts }) => {
        // One line per batch, only when there is more than one.
        if (seriesTotal > args.batchSize) {
          console.log(`  series ${seriesDone}/${seriesTotal}, created ${created}, conflicts ${conflicts}`);
        }
      },
    });
    console.log(
      `Done: created ${result.created}, conflicts ${result.conflicts}, completed ${result.completed} ` +
        `in ${result.durationMs} ms (run ${result.runId})`,
    );
    return 0;
  } catch (error) {
    console.error(`Session generation failed: ${isAppError(error) ? error.message : databaseErrorMessage(error)}`);
    return 1;
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`Session generation failed: ${databaseErrorMessage(error)}`);
    process.exitCode = 1;
  },
);
