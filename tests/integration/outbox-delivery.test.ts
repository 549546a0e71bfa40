// Delivery over real SMTP (an in-process smtp-server): what arrives is what a
// calendar app reads — text and HTML parts, Content-Language, the invitation
// as text/calendar with one UID per session — and the worker keeps its
// promises: retries with backoff on a temporary refusal, keeps a permanent
// failure with its reason, and two workers on one database send each
// message once.
import ICAL from "ical.js";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/auth/actor";
import type { DatabaseHandle } from "@/db/client";
import type { DatabaseOrTransaction } from "@/db";
import { outboxMessages, users } from "@/db/schema";
import { createOneTimeBooking } from "@/server/bookings/create-one-time-booking";
import { createRecurringBooking } from "@/server/bookings/create-recurring-booking";
import { backoffMs, deliverDueMessages } from "@/server/messages/deliver-outbox";
import { enqueueMessages } from "@/server/messages/enqueue";
import { enqueueDueReminders } from "@/server/messages/enqueue-reminders";
import { createMailTransport, type MailSettings } from "@/server/messages/mail-transport";
import { startOutboxWorker } from "@/server/messages/outbox-worker";
import { cancelSession } from "@/server/sessions/cancel-session";
import { ALL_WEEK, addPerson, addWeeklyRules, clearBusinessData } from "../helpers/people";
import { calendarPart, startSmtpServer, type TestSmtpServer } from "../helpers/smtp-server";
import { useMigratedDatabase } from "../helpers/test-database";

let handle: DatabaseHandle;
let db: DatabaseOrTransaction;
useMigratedDatabase((opened) => {
  handle = opened;
  db = opened.db;
});

let smtp: TestSmtpServer;
let settings: MailSettings;
beforeAll(async () => {
  smtp = await startSmtpServer();
  settings = { smtpUrl: smtp.url, from: { name: "Studio Nord", email: "desk@studio.example" } };
});
afterAll(() => smtp.close());

const NOW = new Date("2027-03-01T08:00:00Z");
let coach: Actor;
let member: Actor;

beforeEach(async () => {
  await clearBusinessData(db);
  smtp.received.length = 0;
  smtp.refuse(null);
  coach = await addPerson(db, "coach", { name: "Camille", timezone: "Europe/Paris" });
  member = await addPerson(db, "member", { name: "Marc" });
  await addWeeklyRules(db, coach.id, ALL_WEEK);
});

async function deliverAll(now = new Date()) {
  const transport = createMailTransport(settings);
  try {
    return await deliverDueMessages(db, { transport, settings, now: () => now });
  } finally {
    transport.close();
  }
}

const slot = { startsAt: "2027-03-02T09:00:00Z", endsAt: "2027-03-02T10:00:00Z" };
const mailTo = (address: string) => smtp.received.find((mail) => mail.to.includes(address))!;

function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return {
    method: calendar.getFirstPropertyValue("method"),
    events: calendar.getAllSubcomponents("vevent").map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        sequence: event.sequence,
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        status: vevent.getFirstPropertyValue("status"),
        summary: event.summary,
      };
    }),
  };
}

describe("a booking confirmation over SMTP", () => {
  it("arrives to both with text, HTML, Content-Language and the invitation", async () => {
    const { session } = await createOneTimeBooking({ db, actor: member, input: { coachId: coach.id, ...slot }, now: NOW });
    const outcome = await deliverAll();
    expect(outcome).toMatchObject({ claimed: 2, sent: 2, failed: 0 });
    await smtp.waitFor(2);
    const mail = mailTo(member.email);
    expect(mail.parsed.subject).toMatch(/^Booked: /);
    expect(mail.parsed.from?.value[0]).toMatchObject({ address: "desk@studio.example", name: "Studio Nord" });
    expect(mail.parsed.headers.get("content-language")).toBe("en");
    expect(mail.parsed.text).toContain("Hello Marc");
    expect(mail.parsed.text).toContain("Camille");
    expect(mail.parsed.html).toContain('lang="en"');
    expect(mail.raw).not.toMatch(/^List-Unsubscribe/im);
    expect(mail.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const invitation = events(calendarPart(mail.parsed)!);
    expect(invitation.method).toBe("REQUEST");
    expect(invitation.events).toEqual([
      expect.objectContaining({ uid: `session-${session.id}@coachbook`, sequence: 0, start: slot.startsAt.replace("Z", ".000Z"), end: slot.endsAt.replace("Z", ".000Z") }),
    ]);
    const rows = await db.select().from(outboxMessages);
    expect(rows.every((row) => row.status === "sent" && row.transport === "smtp" && row.sentAt !== null)).toBe(true);
    // The Message-ID is the outbox row's: a retry of the same row is recognisably the same message.
    expect(rows.map((row) => `<${row.id}@studio.example>`).sort()).toEqual(smtp.received.map((m) => m.parsed.messageId).sort());
  });

  it("the cancellation removes the same event: METHOD:CANCEL, same UID, higher SEQUENCE; in French for a French member, in their zone", async () => {
    await db.update(users).set({ locale: "fr", timezone: "America/Montreal" }).where(eq(users.id, member.id));
    const { session } = await createOneTimeBooking({ db, actor: member, input: { coachId: coach.id, ...slot }, now: NOW });
    await cancelSession({ db, actor: coach, input: { id: session.id, reason: "Malade" }, now: NOW });
    await deliverAll();
    await smtp.waitFor(4);
    const cancelled = smtp.received.find((mail) => mail.to.includes(member.email) && mail.parsed.subject?.startsWith("Annulée"))!;
    expect(cancelled.parsed.headers.get("content-language")).toBe("fr");
    expect(cancelled.parsed.text).toContain("Bonjour Marc");
    expect(cancelled.parsed.text).toContain("par Camille (coach)");
    expect(cancelled.parsed.text).toContain("Malade");
    // 09:00Z is 04:00 in Montréal, 10:00 in Paris: both said.
    expect(cancelled.parsed.text).toContain("04:00–05:00 (America/Montreal)");
    expect(cancelled.parsed.text).toContain("10:00–11:00");
    const ics = events(calendarPart(cancelled.parsed)!);
    expect(ics.method).toBe("CANCEL");
    expect(ics.events[0]).toMatchObject({ uid: `session-${session.id}@coachbook`, sequence: 1, status: "CANCELLED" });
  });

  it("a weekly series across a DST change: every date at 10:00 New York time", async () => {
    const nyCoach = await addPerson(db, "coach", { name: "Nia", timezone: "America/New_York" });
    await addWeeklyRules(db, nyCoach.id, ALL_WEEK);
    await createRecurringBooking({
      db,
      actor: member,
      input: { coachId: nyCoach.id, dayOfWeek: 2, startTime: "10:00", endTime: "11:00", startDate: "2027-03-08", endDate: "2027-03-16" },
      now: NOW,
    });
    await deliverAll();
    await smtp.waitFor(2);
    const ics = events(calendarPart(mailTo(member.email).parsed)!);
    // 2027-03-14 the clocks go forward: EST (UTC−5) before, EDT (UTC−4) after.
    expect(ics.events.map((event) => event.start)).toEqual(["2027-03-09T15:00:00.000Z", "2027-03-16T14:00:00.000Z"]);
    expect(new Set(ics.events.map((event) => event.uid)).size).toBe(2);
  });

  it("a reminder carries the one-click unsubscribe headers", async () => {
    await createOneTimeBooking({ db, actor: member, input: { coachId: coach.id, ...slot }, now: NOW });
    await db.delete(outboxMessages);
    expect(await enqueueDueReminders(db, new Date("2027-03-01T10:00:00Z"))).toBe(2);
    await deliverAll();
    await smtp.waitFor(2);
    const mail = mailTo(member.email);
    expect(mail.parsed.subject).toMatch(/^Reminder \(tomorrow\)/);
    const headers = mail.raw.split("\r\n\r\n")[0]!.replace(/\r\n[ \t]+/g, " "); // unfolded
    expect(headers).toMatch(/^List-Unsubscribe: <https?:\/\/[^>]+\/api\/unsubscribe\?token=[^>]+>/im);
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/im);
    expect(mail.parsed.text).toMatch(/\/unsubscribe\?token=/);
  });
});

describe("failures", () => {
  it("a temporary refusal is retried after a backoff, then sent", async () => {
    await enqueueMessages(db, [{ kind: "password_reset", recipientId: member.id, payload: { url: "https://studio.example/reset/abc" } }]);
    smtp.refuse(() => ({ code: 451, message: "Try again later" }));
    const now = new Date();
    expect(await deliverAll(now)).toMatchObject({ claimed: 1, retried: 1 });
    let [row] = await db.select().from(outboxMessages);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row!.lastError).toMatch(/451/);
    expect(row!.nextAttemptAt.getTime()).toBe(now.getTime() + backoffMs(1));
    // Not due yet: nothing is claimed.
    expect(await deliverAll(new Date(now.getTime() + 1_000))).toMatchObject({ claimed: 0 });
    smtp.refuse(null);
    expect(await deliverAll(new Date(now.getTime() + backoffMs(1) + 1))).toMatchObject({ claimed: 1, sent: 1 });
    [row] = await db.select().from(outboxMessages);
    expect(row).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    await smtp.waitFor(1);
  });

  it("a message is due within the millisecond it was enqueued in, though the database keeps microseconds", async () => {
    await enqueueMessages(db, [{ kind: "password_reset", recipientId: member.id, payload: { url: "https://studio.example/reset/abc" } }]);
    await db.update(outboxMessages).set({ nextAttemptAt: sql`'2027-03-01T08:00:00.123456Z'::timestamptz` });
    expect(await deliverAll(new Date("2027-03-01T08:00:00.122Z"))).toMatchObject({ claimed: 0 });
    expect(await deliverAll(new Date("2027-03-01T08:00:00.123Z"))).toMatchObject({ claimed: 1, sent: 1 });
    await smtp.waitFor(1);
  });

  it("a permanent refusal is kept as failed, with its reason, and not tried again", async () => {
    await enqueueMessages(db, [{ kind: "password_reset", recipientId: member.id, payload: { url: "https://studio.example/reset/abc" } }]);
    smtp.refuse(() => ({ code: 550, message: "No such mailbox" }));
    expect(await deliverAll()).toMatchObject({ failed: 1 });
    const [row] = await db.select().from(outboxMessages);
    expect(row!.status).toBe("failed");
    expect(row!.lastError).toMatch(/550.*No such mailbox/);
    expect(await deliverAll(new Date(Date.now() + 86_400_000))).toMatchObject({ claimed: 0 });
    expect(smtp.received).toHaveLength(0);
  });

  it("an unreachable SMTP server is a temporary failure", async () => {
    await enqueueMessages(db, [{ kind: "password_reset", recipientId: member.id, payload: { url: "https://studio.example/reset/abc" } }]);
    const transport = createMailTransport({ ...settings, smtpUrl: "smtp://127.0.0.1:1" });
    try {
      expect(await deliverDueMessages(db, { transport, settings })).toMatchObject({ retried: 1 });
    } finally {
      transport.close();
    }
    const [row] = await db.select().from(outboxMessages);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
  });
});

describe("two workers on one database", () => {
  it("deliver 120 messages, each exactly once", async () => {
    const people = await Promise.all(Array.from({ length: 6 }, () => addPerson(db, "member")));
    await enqueueMessages(
      db,
      Array.from({ length: 120 }, (_, i) => ({ kind: "password_reset" as const, recipientId: people[i % 6]!.id, payload: { url: `https://studio.example/reset/${i}` } })),
    );
    // On PostgreSQL each worker has its own pool, as two instances would; PGlite has one connection to share.
    const second = process.env.DATABASE_URL ? await openSameDatabase() : handle;
    const workers = [handle, second].map((h) =>
      startOutboxWorker({ database: async () => h, settings, pollMs: 50, batch: 7, reminderEveryMs: 3_600_000, log: () => {} }),
    );
    try {
      await smtp.waitFor(120, 60_000);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
      if (second !== handle) await second.close();
    }
    const totals = workers.map((worker) => worker.totals());
    expect(totals[0]!.sent + totals[1]!.sent).toBe(120);
    expect(new Set(smtp.received.map((mail) => mail.parsed.messageId)).size).toBe(120);
    expect(smtp.received).toHaveLength(120);
    const rows = await db.select({ status: outboxMessages.status, attempts: outboxMessages.attempts }).from(outboxMessages);
    expect(rows.every((row) => row.status === "sent" && row.attempts === 1)).toBe(true);
    if (process.env.DATABASE_URL) expect(Math.min(totals[0]!.sent, totals[1]!.sent)).toBeGreaterThan(0);
  });
});

/** A second handle (its own pool) on this file's PostgreSQL database. */
async function openSameDatabase(): Promise<DatabaseHandle> {
  const { openDatabase } = await import("@/db/client");
  const rows = await handle.db.execute<{ name: string }>(sql`select current_database() as name`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${rows.rows[0]!.name}`;
  return openDatabase({ databaseUrl: url.toString() });
}
