// The outbox over real HTTP, with the delivery worker that runs inside the
// server (no SMTP_URL: the local mailbox). The owner books a session for a
// member through the API; both booking confirmations (member and coach) are
// delivered by the worker — sent, transport "mailbox" — and the owner reads
// them, one as its recipient sees it. A sent message cannot be retried
// (409); a failed one (written as failed in the database) is retried: 200
// pending, then sent. The three operations are the owner's alone. The
// one-click unsubscribe link turns reminders (or the digest) off for the one
// person its signed token names, without sign-in; a forged or garbage token
// is 404; the page asks to confirm and changes nothing. The cron route wants
// its secret.
import { createHmac, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { outboxMessages } from "@/db/schema";
import { unsubscribeToken } from "@/server/messages/unsubscribe-token";
import { insertUserWithPassword, signInForToken, type AppServer } from "../helpers/app-server";
import { ALL_WEEK, addWeeklyRules } from "../helpers/people";
import { startServerWithDatabase, type ServerWithDatabase } from "../helpers/server-with-database";

// The server signs unsubscribe links with this secret; the test makes its own links with it too.
const AUTH_SECRET = "outbox-test-secret-5c1f0e9a7b3d2468ace0";
const CRON_SECRET = "outbox-cron-secret-93b1d7";
const PASSWORD = "copper-harbour-61";
const people = {
  owner: { email: "olive@example.com", name: "Olive Owner", role: "owner" as const, password: PASSWORD },
  coach: { email: "carl@example.com", name: "Carl Coach", role: "coach" as const, password: PASSWORD },
  member: { email: "mia@example.com", name: "Mia Member", role: "member" as const, password: PASSWORD },
  other: { email: "max@example.com", name: "Max Member", role: "member" as const, password: PASSWORD },
};
type Person = keyof typeof people;
const ids = {} as Record<Person, string>;
const tokens = {} as Record<Person, string>;

let app: ServerWithDatabase;
const server = (): AppServer => app.server;

const DAY = 86_400_000;
/** 10:00–11:00 UTC three days from today: always in the future and inside the booking window, whatever the hour now. */
const day = new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10);
const slot = { startsAt: `${day}T10:00:00.000Z`, endsAt: `${day}T11:00:00.000Z` };

beforeAll(async () => {
  // unsubscribeToken() in this process signs with the server's secret.
  vi.stubEnv("BETTER_AUTH_SECRET", AUTH_SECRET);
  app = await startServerWithDatabase({
    env: { BETTER_AUTH_SECRET: AUTH_SECRET, CRON_SECRET, BUSINESS_TIMEZONE: "UTC", SMTP_URL: undefined, OUTBOX_WORKER: undefined },
    prepare: async (handle) => {
      for (const person of Object.keys(people) as Person[]) ids[person] = await insertUserWithPassword(handle, people[person]);
      await addWeeklyRules(handle.db, ids.coach, ALL_WEEK);
    },
  });
  for (const person of Object.keys(people) as Person[]) {
    tokens[person] = await signInForToken(server(), people[person].email, PASSWORD);
  }
});

afterAll(async () => {
  await app?.stop();
  vi.unstubAllEnvs();
});

function call(who: Person | "anonymous", method: string, pathname: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (who !== "anonymous") headers.authorization = `Bearer ${tokens[who]}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  return server().request(pathname, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function json(response: Response, status: number): Promise<Record<string, any>> {
  const text = await response.text();
  expect(response.status, `${text}\n${server().output().slice(-2000)}`).toBe(status);
  return JSON.parse(text);
}

interface MessageView {
  id: string;
  kind: string;
  status: string;
  recipient: { id: string; name: string; email: string };
  transport: string | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
}

/** Reads until `done` holds, for at most `ms` (the worker runs on its own time). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms; last seen ${JSON.stringify(value)}\n${server().output().slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

const listOutbox = async (query = ""): Promise<MessageView[]> => (await json(await call("owner", "GET", `/api/v1/outbox${query}`), 200)).messages;

/** The booking confirmations, once the worker has delivered them. */
const confirmations = {} as Record<"member" | "coach", MessageView>;

describe("the outbox operations are the owner's alone", () => {
  const operations: Array<[string, string]> = [
    ["GET", "/api/v1/outbox"],
    ["GET", `/api/v1/outbox/${randomUUID()}`],
    ["POST", `/api/v1/outbox/${randomUUID()}/retry`],
  ];

  it.each(operations)("%s %s: 401 signed out, 403 for a member and a coach", async (method, pathname) => {
    const body = method === "POST" ? {} : undefined;
    expect((await json(await call("anonymous", method, pathname, body), 401)).error.code).toBe("unauthenticated");
    for (const who of ["member", "coach"] as const) {
      expect((await json(await call(who, method, pathname, body), 403)).error.code).toBe("forbidden");
    }
  });
});

describe("a booking's messages", () => {
  it("the owner books a session for a member; the worker delivers both confirmations to the mailbox", async () => {
    const booked = await json(await call("owner", "POST", "/api/v1/bookings", { coachId: ids.coach, memberId: ids.member, ...slot }), 201);
    expect(booked.session).toMatchObject({ coach: { id: ids.coach }, member: { id: ids.member }, startsAt: slot.startsAt });

    const delivered = await eventually(
      async () => (await listOutbox()).filter((message) => message.kind === "booking_confirmed"),
      (messages) => messages.length === 2 && messages.every((message) => message.status === "sent"),
      "both booking confirmations sent",
    );
    for (const message of delivered) {
      expect(message).toMatchObject({ status: "sent", transport: "mailbox", attempts: 1, lastError: null, nextAttemptAt: null });
      expect(message.sentAt).toEqual(expect.any(String));
    }
    const byRecipient = Object.fromEntries(delivered.map((message) => [message.recipient.id, message]));
    expect(Object.keys(byRecipient).sort()).toEqual([ids.member, ids.coach].sort());
    confirmations.member = byRecipient[ids.member]!;
    confirmations.coach = byRecipient[ids.coach]!;
    expect(confirmations.member.recipient).toEqual({ id: ids.member, name: people.member.name, email: people.member.email });

    // Filtered by status: both are sent, none pending.
    const sent = await listOutbox("?status=sent");
    expect(sent.map((message) => message.id)).toEqual(expect.arrayContaining([confirmations.member.id, confirmations.coach.id]));
    expect((await listOutbox("?status=pending")).filter((message) => message.kind === "booking_confirmed")).toEqual([]);
    expect(await listOutbox("?limit=1")).toHaveLength(1);
  });

  it("a bad status or limit is 400 naming it", async () => {
    const bogus = await json(await call("owner", "GET", "/api/v1/outbox?status=bogus"), 400);
    expect(bogus.error.code).toBe("invalid_input");
    expect(Object.keys(bogus.error.fields)).toEqual(["status"]);
    const tooMany = await json(await call("owner", "GET", "/api/v1/outbox?limit=501"), 400);
    expect(Object.keys(tooMany.error.fields)).toEqual(["limit"]);
  });

  it("shows one message as its recipient sees it: the text, the invitation, the headers", async () => {
    const { message } = await json(await call("owner", "GET", `/api/v1/outbox/${confirmations.coach.id}`), 200);
    expect(message).toMatchObject({ id: confirmations.coach.id, kind: "booking_confirmed", status: "sent", transport: "mailbox", language: "en" });
    expect(message.text).toContain(people.member.name);
    expect(message.html).toContain(people.member.name);
    expect(message.calendar.method).toBe("REQUEST");
    expect(message.calendar.content).toContain("BEGIN:VCALENDAR");
    expect(message.calendar.content).toContain("METHOD:REQUEST");
    expect(message.headers["Content-Language"]).toBe("en");
    // A booking confirmation cannot be turned off: no unsubscribe header.
    expect(message.headers).not.toHaveProperty("List-Unsubscribe");

    const toMember = (await json(await call("owner", "GET", `/api/v1/outbox/${confirmations.member.id}`), 200)).message;
    expect(toMember.text).toContain(people.member.name);
    expect(toMember.calendar.method).toBe("REQUEST");
  });

  it("an unknown id is 404", async () => {
    expect((await json(await call("owner", "GET", `/api/v1/outbox/${randomUUID()}`), 404)).error.code).toBe("not_found");
    expect((await json(await call("owner", "POST", `/api/v1/outbox/${randomUUID()}/retry`, {}), 404)).error.code).toBe("not_found");
  });

  it("a sent message cannot be retried: 409, and it stays sent", async () => {
    const refused = await json(await call("owner", "POST", `/api/v1/outbox/${confirmations.coach.id}/retry`, {}), 409);
    expect(refused.error.code).toBe("conflict");
    const { message } = await json(await call("owner", "GET", `/api/v1/outbox/${confirmations.coach.id}`), 200);
    expect(message).toMatchObject({ status: "sent", attempts: 1, sentAt: confirmations.coach.sentAt });
  });

  it("a failed message is retried: 200 pending with a fresh count, then the worker sends it", { timeout: 200_000 }, async () => {
    const id = confirmations.member.id;
    // A failure for good, as the worker records it after a permanent refusal.
    await app.withDatabase(async ({ db }) => {
      await db
        .update(outboxMessages)
        .set({ status: "failed", attempts: 8, lastError: "550 5.1.1 mailbox unavailable", transport: null, sentAt: null, lockedUntil: null })
        .where(eq(outboxMessages.id, id));
    });
    const failed = (await json(await call("owner", "GET", `/api/v1/outbox/${id}`), 200)).message as MessageView;
    expect(failed).toMatchObject({ status: "failed", attempts: 8, lastError: "550 5.1.1 mailbox unavailable", sentAt: null, nextAttemptAt: null });
    expect((await listOutbox("?status=failed")).map((message) => message.id)).toEqual([id]);

    const retried = (await json(await call("owner", "POST", `/api/v1/outbox/${id}/retry`, {}), 200)).message as MessageView;
    expect(retried).toMatchObject({ id, status: "pending", attempts: 0 });
    expect(retried.nextAttemptAt).toEqual(expect.any(String));
    expect(retried).not.toHaveProperty("text");

    const sent = await eventually(
      async () => (await json(await call("owner", "GET", `/api/v1/outbox/${id}`), 200)).message as MessageView,
      (message) => message.status === "sent",
      "the retried message sent",
    );
    expect(sent).toMatchObject({ status: "sent", transport: "mailbox", attempts: 1, lastError: null });
    expect(sent.sentAt).toEqual(expect.any(String));
    expect(await listOutbox("?status=failed")).toEqual([]);
  });
});

describe("unsubscribe links", () => {
  const me = async (who: Person) => (await json(await call(who, "GET", "/api/v1/me"), 200)).user as { reminder: string; emailDigest: boolean };
  const oneClick = (token: string, extra = "") =>
    server().request(`/api/unsubscribe?token=${encodeURIComponent(token)}${extra}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });

  it("the page names what the link turns off and asks to confirm, changing nothing", async () => {
    const token = unsubscribeToken(ids.member, "reminder");
    const response = await server().request(`/unsubscribe?token=${encodeURIComponent(token)}`);
    // React separates adjacent text with <!-- -->: read the text as shown.
    const html = (await response.text()).replace(/<!-- -->/g, "");
    expect(response.status, html.slice(0, 500)).toBe(200);
    expect(html).toContain("Stop session reminders?");
    expect(html).toContain(people.member.name);
    const form = /<form[^>]*>/.exec(html)?.[0] ?? "";
    expect(form).toContain('method="post"');
    expect(form).toContain(`action="/api/unsubscribe?from=page&amp;token=${token}"`);
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Unsubscribe<\/button>/);
    expect((await me("member")).reminder).toBe("24h");

    const garbage = await server().request("/unsubscribe?token=not-a-token");
    expect(garbage.status).toBe(200);
    expect(await garbage.text()).toContain("This link is not valid");
  });

  it("one click turns the member's reminders off, and no one else's", async () => {
    const response = await oneClick(unsubscribeToken(ids.member, "reminder"));
    expect(await json(response, 200)).toEqual({ unsubscribed: "reminder" });
    expect((await me("member")).reminder).toBe("off");
    expect((await me("other")).reminder).toBe("24h");
    // Clicked again: still off, still 200.
    expect(await json(await oneClick(unsubscribeToken(ids.member, "reminder")), 200)).toEqual({ unsubscribed: "reminder" });
  });

  it("the digest link turns the owner's digest off", async () => {
    expect((await me("owner")).emailDigest).toBe(true);
    expect(await json(await oneClick(unsubscribeToken(ids.owner, "owner_digest")), 200)).toEqual({ unsubscribed: "owner_digest" });
    expect(await me("owner")).toMatchObject({ emailDigest: false, reminder: "24h" });
  });

  it("a forged, tampered, garbage or missing token is 404 and changes nothing", async () => {
    // Signed with another secret.
    vi.stubEnv("BETTER_AUTH_SECRET", "some-other-secret-entirely-0000000000");
    const forged = unsubscribeToken(ids.other, "reminder");
    vi.stubEnv("BETTER_AUTH_SECRET", AUTH_SECRET);
    // Someone else's name under a genuine signature.
    const [, signature] = unsubscribeToken(ids.member, "reminder").split(".");
    const tampered = `${Buffer.from(`${ids.other}:reminder`).toString("base64url")}.${signature}`;
    // Account mail cannot be turned off, even with a genuine signature over its kind.
    const welcomePayload = Buffer.from(`${ids.other}:welcome`).toString("base64url");
    const welcome = `${welcomePayload}.${createHmac("sha256", AUTH_SECRET).update(`unsubscribe:${welcomePayload}`).digest("base64url")}`;
    for (const token of [forged, tampered, welcome, "garbage", "a.b", `${unsubscribeToken(ids.other, "reminder")}x`, ""]) {
      const answer = await json(await oneClick(token), 404);
      expect(answer.error.code, token).toBe("not_found");
    }
    expect((await json(await server().request("/api/unsubscribe", { method: "POST" }), 404)).error.code).toBe("not_found");
    expect((await me("other")).reminder).toBe("24h");
  });

  it("from the page's form: 303 back to the page, which says it is done", async () => {
    const response = await oneClick(unsubscribeToken(ids.coach, "reminder"), "&from=page");
    expect(response.status, await response.clone().text()).toBe(303);
    const location = new URL(response.headers.get("location")!, server().baseUrl);
    expect(`${location.pathname}${location.search}`).toBe("/unsubscribe?done=reminder");
    expect((await me("coach")).reminder).toBe("off");

    const page = await server().request(`${location.pathname}${location.search}`);
    expect(page.status).toBe(200);
    expect((await page.text()).replace(/<!-- -->/g, "")).toContain("You will no longer receive session reminders.");
  });
});

describe("the delivery cron", () => {
  it("wants CRON_SECRET: 401 without it or with a wrong one, 200 with it", async () => {
    for (const method of ["GET", "POST"]) {
      const missing = await json(await server().request("/api/cron/deliver-messages", { method }), 401);
      expect(missing.error.code).toBe("unauthenticated");
      const wrong = await server().request("/api/cron/deliver-messages", { method, headers: { authorization: "Bearer not-the-secret" } });
      expect((await json(wrong, 401)).error.code).toBe("unauthenticated");
      // A session token is not the cron secret.
      expect((await json(await call("owner", method, "/api/cron/deliver-messages"), 401)).error.code).toBe("unauthenticated");
    }
    const run = await server().request("/api/cron/deliver-messages", { method: "POST", headers: { authorization: `Bearer ${CRON_SECRET}` } });
    const body = await json(run, 200);
    expect(body).toEqual({ reminders: expect.any(Number), delivery: { claimed: expect.any(Number), sent: expect.any(Number), retried: 0, failed: 0 } });
  });
});
