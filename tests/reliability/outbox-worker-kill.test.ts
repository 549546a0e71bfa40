// A delivery worker killed mid-delivery loses no message and sends none twice
// (PostgreSQL: worker processes of their own, as separate instances would
// run them). The SMTP server holds every DATA unanswered; the first worker
// is killed with SIGKILL while it waits for those answers, so none of its
// messages was accepted. A second worker then delivers everything: the
// first one's claimed messages once their lease ends, the rest at once.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxMessages } from "@/db/schema";
import { enqueueMessages } from "@/server/messages/enqueue";
import { addPerson } from "../helpers/people";
import { createScriptDatabase, type ScriptDatabase } from "../helpers/script-database";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp-server";

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
      // Let the SMTP server see the dead worker's connections close before it answers their DATA.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
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

// PGlite: one process per data directory, so worker processes cannot share it; the
// in-process two-worker case is tests/integration/outbox-delivery.test.ts.
if (!process.env.DATABASE_URL) {
  describe("a worker killed mid-delivery (PGlite)", () => {
    it("is a PostgreSQL scenario: the script refuses a PGlite directory that npm start holds", () => {
      expect(process.env.DATABASE_URL).toBeFalsy();
    });
  });
}
