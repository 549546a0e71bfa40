// `npm run outbox:work`: the message delivery worker on its own, for an
// install that runs its web servers with OUTBOX_WORKER=off and delivers from
// a separate process (PostgreSQL; with PGlite the server owns the data
// directory and its own worker delivers). Any number may run: they share
// the outbox without sending a message twice at once. Stops on SIGTERM or
// Ctrl-C after the delivery in progress.
import "./lib/load-env";
import { openDatabase } from "@/db/client";
import { startOutboxWorker } from "@/server/messages/outbox-worker";
import { pgliteDirectoryOnDisk } from "./lib/data-directory";
import { databaseLabel } from "./lib/database-label";
import { liveServerOn } from "./lib/server-pid";

async function main(): Promise<number> {
  const dataDir = pgliteDirectoryOnDisk();
  if (dataDir && liveServerOn(dataDir)) {
    console.error("npm start is running on this PGlite database and delivers messages itself; nothing to do here.");
    return 1;
  }
  console.log(`Database: ${databaseLabel()}`);
  const handle = await openDatabase();
  const worker = startOutboxWorker({ database: async () => handle });
  await new Promise<void>((resolve) => {
    process.once("SIGTERM", () => resolve());
    process.once("SIGINT", () => resolve());
  });
  await worker.stop();
  const totals = worker.totals();
  console.log(`[mail] worker stopped: ${totals.sent} sent, ${totals.retried} to retry, ${totals.failed} failed`);
  await handle.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
