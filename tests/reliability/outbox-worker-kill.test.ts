// A delivery worker that dies mid-delivery loses no message and sends none
// twice.
//  - Either engine, in process: a worker claims messages and dies before it
//    settles them (its claim is made and never followed up). Another worker
//    leaves them alone while their lease runs, then takes them over and
//    delivers each once over SMTP.
//  - PostgreSQL only: worker processes of their own, as separate instances
//    would run them (PGlite allows one process per data directory). The SMTP
//    server holds every DATA unanswered; the first worker is killed with
//    SIGKILL while it waits for those answers, so none of its messages was
//    accepted. A second worker then delivers everything: the first one's
//    claimed messages once their lease ends, the rest at once.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseOrTransaction } from "@/db";
import { outboxMessages } from "@/db/schema";
import { LEASE_MS, claimDueMessages, deliverDueMessages } from "@/server/messages/deliver-outbox";
import { enqueueMessages } from "@/server/messages/enqueue";
import { createMailTransport, type MailSettings } from "@/server/messages/mail-transport";
import { addPerson } from "../helpers/people";
import { createScriptDatabase, type ScriptDatabase } from "../helpers/script-database";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp-server";
import { useMigratedDatabase } from "../helpers/test-database";

const MESSAGES = 30;

function startWorker(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/outbox-worker.ts"], { cwd: process.cwd(), env, stdio: "ignore" });
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// Worker processes share the database: PostgreSQL only (on PGlite this describe does not
// exist; the in-process case below covers the takeover there).
if (process.env.DATABASE_URL) {
  describe("a worker killed mid-delivery", () => {
    let smtp: TestSmtpServer;
    let database: ScriptDatabase;
    const children: ChildProcess[] = [];

    beforeAll(async () => {
      smtp = await startSmtpServer();
      database = await createScriptDatabase({
        migrated: true,
        env: { SMTP_URL: smtp.url, MAIL_FROM: "Studio <desk@studio.example>", OUTBOX_LEASE_MS: "3000", OUTBOX_POLL_MS: "100" },
      });
    });
    afterAll(async () => {
      for (const child of children) child.kill("SIGKILL");
      await database?.close();
      await smtp?.close();
    });

    it("leaves its messages to the next worker: every one arrives exactly once", async () => {
      await database.withDatabase(async ({ db }) => {
        const people = await Promise.all([1, 2, 3].map(() => addPerson(db, "member")));
        await enqueueMessages(
          db,
          Array.from({ length: MESSAGES }, (_, i) => ({
            kind: "password_reset" as const,
            recipientId: people[i % 3]!.id,
            payload: { url: `https://studio.example/reset/${i}` },
          })),
        );
      });

      smtp.stall();
      const first = startWorker(database.env);
      children.push(first);
      await until(() => smtp.dataStarted() >= 1, 30_000, "the first worker to start sending");
      const exited = new Promise((resolve) => first.once("exit", resolve));
      first.kill("SIGKILL");
      await exited;
      // The SMTP server must see the dead worker's connections close before it answers their DATA
      // (a message from a client that hung up is dropped, not received). No other client is connected yet.
      await smtp.waitUntilClosed(smtp.openSessions(), 10_000);
      smtp.release();
      expect(smtp.received).toHaveLength(0);

      const second = startWorker(database.env);
      children.push(second);
      await smtp.waitFor(MESSAGES, 60_000);
      // A little longer: nothing more may arrive.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      second.kill("SIGTERM");

      expect(smtp.received).toHaveLength(MESSAGES);
      expect(new Set(smtp.received.map((mail) => mail.parsed.messageId)).size).toBe(MESSAGES);
      const rows = await database.withDatabase(({ db }) => db.select().from(outboxMessages));
      expect(rows.every((row) => row.status === "sent")).toBe(true);
      // The killed worker's claims were taken over after their lease: a second attempt each.
      expect(rows.filter((row) => row.attempts === 2).length).toBeGreaterThan(0);
      expect(rows.every((row) => row.attempts <= 2)).toBe(true);
    }, 120_000);
  });
}

describe("a worker that dies holding claimed messages (in process)", () => {
  let db: DatabaseOrTransaction;
  useMigratedDatabase((handle) => {
    db = handle.db;
  });
  let smtp: TestSmtpServer;
  let settings: MailSettings;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    settings = { smtpUrl: smtp.url, from: { name: "Studio", email: "desk@studio.example" } };
  });
  afterAll(() => smtp?.close());

  async function deliverAt(now: Date) {
    const transport = createMailTransport(settings);
    try {
      return await deliverDueMessages(db, { transport, settings, now: () => now });
    } finally {
      transport.close();
    }
  }

  it("its messages wait for their lease to end, then the next worker delivers each exactly once", async () => {
    const people = await Promise.all([1, 2, 3].map(() => addPerson(db, "member")));
    await enqueueMessages(
      db,
      Array.from({ length: 12 }, (_, i) => ({
        kind: "password_reset" as const,
        recipientId: people[i % 3]!.id,
        payload: { url: `https://studio.example/reset/${i}` },
      })),
    );
    // A second past the insert: the rows are due (the database's clock is finer than a JS Date).
    const now = new Date(Date.now() + 1_000);

    // The dying worker: claims 5 and never sends or settles them.
    const dead = await claimDueMessages(db, 5, now);
    expect(dead).toHaveLength(5);
    const deadIds = dead.map((row) => row.id).sort();

    // Within the lease the next worker takes only the other 7.
    expect(await deliverAt(now)).toMatchObject({ claimed: 7, sent: 7, retried: 0, failed: 0 });
    expect(await deliverAt(new Date(now.getTime() + LEASE_MS - 1))).toMatchObject({ claimed: 0 });
    await smtp.waitFor(7);
    const leased = await db.select().from(outboxMessages);
    expect(leased.filter((row) => row.status === "sending").map((row) => row.id).sort()).toEqual(deadIds);

    // Once the lease has ended: the dead worker's 5, each once; then nothing is left.
    expect(await deliverAt(new Date(now.getTime() + LEASE_MS + 1))).toMatchObject({ claimed: 5, sent: 5, retried: 0, failed: 0 });
    expect(await deliverAt(new Date(now.getTime() + 2 * LEASE_MS))).toMatchObject({ claimed: 0 });
    await smtp.waitFor(12);

    expect(smtp.received).toHaveLength(12);
    const rows = await db.select().from(outboxMessages);
    expect(smtp.received.map((mail) => mail.parsed.messageId).sort()).toEqual(rows.map((row) => `<${row.id}@studio.example>`).sort());
    expect(rows.every((row) => row.status === "sent" && row.lockedUntil === null)).toBe(true);
    // The dead worker's claims were a first attempt each; the takeover is the second.
    expect(rows.filter((row) => row.attempts === 2).map((row) => row.id).sort()).toEqual(deadIds);
    expect(rows.filter((row) => row.attempts === 1)).toHaveLength(7);
  });
});
