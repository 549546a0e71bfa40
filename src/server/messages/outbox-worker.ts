// The delivery worker: runs inside every server process (`npm start`,
// scripts/lib/serve.ts) unless OUTBOX_WORKER=off. It delivers what is due,
// writes due reminders every minute, then sleeps until a new message is
// committed (LISTEN on PostgreSQL and PGlite: enqueue.ts notifies on
// commit) or OUTBOX_POLL_MS passes (default 5 s), whichever is first. Any
// number of workers share one database (deliver-outbox.ts). On Vercel, where
// no process stays up, the cron route /api/cron/deliver-messages runs the
// same pass.
import { Client, type ClientConfig } from "pg";
import type { DatabaseHandle } from "@/db/client";
import { deliverDueMessages, type DeliveryOutcome } from "./deliver-outbox";
import { OUTBOX_CHANNEL } from "./enqueue";
import { enqueueDueReminders } from "./enqueue-reminders";
import { createMailTransport, mailSettings, type MailSettings, type MailTransport } from "./mail-transport";

export interface OutboxWorkerOptions {
  database: () => Promise<DatabaseHandle>;
  settings?: MailSettings;
  transport?: MailTransport;
  pollMs?: number;
  reminderEveryMs?: number;
  batch?: number;
  log?: (line: string) => void;
}

export interface OutboxWorker {
  /** Runs a pass now (a test, or a caller that just wrote messages). */
  wake(): void;
  /** Waits for the pass in progress, then stops. */
  stop(): Promise<void>;
  /** Totals since the start. */
  totals(): DeliveryOutcome;
}

export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const settings = options.settings ?? mailSettings();
  const transport = options.transport ?? createMailTransport(settings);
  const pollMs = options.pollMs ?? (Number(process.env.OUTBOX_POLL_MS) > 0 ? Number(process.env.OUTBOX_POLL_MS) : 5_000);
  const reminderEveryMs = options.reminderEveryMs ?? 60_000;
  const batch = options.batch ?? 20;
  const log = options.log ?? ((line: string) => console.log(line));
  const totals: DeliveryOutcome = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  let running = true;
  let lastReminders = 0;
  let wakeUp: (() => void) | null = null;
  let pendingWake = false;
  let unlisten: (() => Promise<void>) | null = null;
  let lastError = "";

  const wake = () => {
    pendingWake = true;
    wakeUp?.();
  };

  log(`[mail] messages go to ${transport.describe()}`);

  const loop = (async () => {
    while (running) {
      try {
        const handle = await options.database();
        if (!unlisten) unlisten = await listen(handle, wake).catch(() => null);
        if (Date.now() - lastReminders >= reminderEveryMs) {
          lastReminders = Date.now();
          await enqueueDueReminders(handle.db);
        }
        for (;;) {
          pendingWake = false;
          const outcome = await deliverDueMessages(handle.db, { transport, settings, batch, log });
          totals.claimed += outcome.claimed;
          totals.sent += outcome.sent;
          totals.retried += outcome.retried;
          totals.failed += outcome.failed;
          if (outcome.claimed < batch || !running) break;
        }
        lastError = "";
      } catch (error) {
        // The database is down or restarting: say so once, try again next round.
        const message = error instanceof Error ? error.message : String(error);
        if (message !== lastError) log(`[mail] delivery pass failed (will retry): ${message}`);
        lastError = message;
      }
      if (!running) break;
      if (pendingWake) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        timer.unref?.();
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = null;
    }
  })();

  return {
    wake,
    totals: () => ({ ...totals }),
    async stop() {
      running = false;
      wakeUp?.();
      await loop;
      await unlisten?.().catch(() => {});
      transport.close();
    },
  };
}

/** Calls `onNotify` on each commit that wrote messages; answers how to stop listening. */
async function listen(handle: DatabaseHandle, onNotify: () => void): Promise<() => Promise<void>> {
  if (handle.kind === "pglite") {
    const stop = await handle.db.$client.listen(OUTBOX_CHANNEL, onNotify);
    return stop;
  }
  // A connection of its own, outside the pool (LISTEN holds it for good), to the pool's database.
  const pool = handle.db.$client as unknown as { options: ClientConfig };
  const client = new Client({ ...pool.options });
  client.on("error", () => {}); // a lost connection only costs the wake-ups: polling goes on
  await client.connect();
  client.on("notification", onNotify);
  await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
  return () => client.end();
}
