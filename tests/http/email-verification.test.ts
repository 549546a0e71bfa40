// E-mail verification over real HTTP: sign-up puts an email_verification
// message (with better-auth's link) in the outbox and takes the new account's
// language from Accept-Language and its zone from the browser's time-zone
// cookie (never from the body, never an unknown zone). Verification is
// offered, not required to sign in; with the studio setting on, a member who
// has not verified may not book (403), a coach booking for them may, and
// following the link lets them book.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxMessages, users } from "@/db/schema";
import { ALL_WEEK, addWeeklyRules } from "../helpers/people";
import { insertUserWithPassword, signInForToken, type AppServer } from "../helpers/app-server";
import { pathOf, startServerWithDatabase, type ServerWithDatabase } from "../helpers/server-with-database";

const PASSWORD = "mauve-kettle-42";
const owner = { email: "olive@example.com", name: "Olive", role: "owner" as const, password: PASSWORD };
const coach = { email: "carl@example.com", name: "Carl", role: "coach" as const, password: PASSWORD };
const newcomer = { email: "nina@example.com", name: "Nina", password: "nina-password-42" };
const other = { email: "otto@example.com", name: "Otto", password: "otto-password-42" };

let app: ServerWithDatabase;
let coachId: string;
const server = (): AppServer => app.server;
const tokens = { owner: "", coach: "", newcomer: "" };

// Whole days ahead at 10:00 UTC: never today, whatever the hour.
function slot(daysAhead: number) {
  const day = new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
  return { coachId, startsAt: `${day}T10:00:00Z`, endsAt: `${day}T11:00:00Z` };
}

beforeAll(async () => {
  app = await startServerWithDatabase({
    env: { BUSINESS_TIMEZONE: "UTC" },
    prepare: async (handle) => {
      await insertUserWithPassword(handle, owner);
      coachId = await insertUserWithPassword(handle, coach);
      await addWeeklyRules(handle.db, coachId, ALL_WEEK);
    },
  });
  tokens.owner = await signInForToken(server(), owner.email, PASSWORD);
  tokens.coach = await signInForToken(server(), coach.email, PASSWORD);
});

afterAll(async () => {
  await app?.stop();
});

async function explain(response: Response): Promise<string> {
  return `${response.status} ${await response.clone().text()}\n${server().output().slice(-2000)}`;
}

function signUp(person: { email: string; name: string; password: string }, headers: Record<string, string>, extra: object = {}) {
  return server().request("/api/auth/sign-up/email", {
    method: "POST",
    headers: { "content-type": "application/json", origin: server().baseUrl, ...headers },
    body: JSON.stringify({ ...person, ...extra }),
  });
}

function call(token: string, pathname: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return server().request(pathname, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

describe("sign-up", () => {
  it("signs the newcomer in at once, unverified, in the browser's language and zone, and mails a verification link", async () => {
    const response = await signUp(newcomer, { "accept-language": "fr-CA,fr;q=0.9,en;q=0.5", cookie: "coachbook-tz=America%2FToronto" });
    expect(response.status, await explain(response)).toBe(200);
    tokens.newcomer = response.headers.get("set-auth-token")!;
    expect(tokens.newcomer).toBeTruthy();
    // Verification is offered, not required: the password signs in.
    await signInForToken(server(), newcomer.email, newcomer.password);
  });

  it("keeps a language it has not and an unknown zone out, and takes neither from the body", async () => {
    const plain = await signUp(other, { "accept-language": "de-DE,de;q=0.9", cookie: "coachbook-tz=Mars%2FOlympus" });
    expect(plain.status, await explain(plain)).toBe(200);
    // better-auth drops a body's value for a field with a default that takes no input (locale)…
    const forged = await signUp(
      { email: "forger@example.com", name: "Forger", password: "forger-password-42" },
      { "accept-language": "en" },
      { locale: "fr" },
    );
    expect(forged.status, await explain(forged)).toBe(200);
    // …and refuses one without a default (timezone).
    const zoned = await signUp(
      { email: "zoned@example.com", name: "Zoned", password: "zoned-password-42" },
      { "accept-language": "en" },
      { timezone: "Europe/Paris" },
    );
    expect(zoned.status, await explain(zoned)).toBe(400);
  });

  it("leaves the studio open to unverified members by default", async () => {
    const settings = await call(tokens.newcomer, "/api/v1/studio-settings");
    expect(((await settings.json()) as { settings: { requireVerifiedEmail: boolean } }).settings.requireVerifiedEmail).toBe(false);
    const booked = await call(tokens.newcomer, "/api/v1/bookings", { body: slot(3) });
    expect(booked.status, await explain(booked)).toBe(201);
  });
});

describe("with verified e-mail required to book", () => {
  it("is the owner's to turn on", async () => {
    expect((await call(tokens.coach, "/api/v1/studio-settings", { method: "PATCH", body: { requireVerifiedEmail: true } })).status).toBe(403);
    const bad = await call(tokens.owner, "/api/v1/studio-settings", { method: "PATCH", body: { requireVerifiedEmail: "yes" } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty("requireVerifiedEmail");
    const changed = await call(tokens.owner, "/api/v1/studio-settings", { method: "PATCH", body: { requireVerifiedEmail: true } });
    expect(changed.status, await explain(changed)).toBe(200);
    expect(await changed.json()).toMatchObject({ settings: { requireVerifiedEmail: true, bookingWindowDays: 365 } });
  });

  it("refuses an unverified member's own bookings, one-time and weekly, with 403 saying why", async () => {
    for (const [pathname, body] of [
      ["/api/v1/bookings", slot(4)],
      ["/api/v1/recurring-bookings", { coachId, dayOfWeek: 2, startTime: "12:00", endTime: "13:00", startDate: slot(20).startsAt.slice(0, 10) }],
    ] as const) {
      const refused = await call(tokens.newcomer, pathname, { body });
      expect(refused.status, await explain(refused)).toBe(403);
      const error = ((await refused.json()) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe("forbidden");
      expect(error.message).toContain("Verify your e-mail address before booking");
    }
  });

  it("lets a coach book for the unverified member", async () => {
    const [member] = ((await (await call(tokens.owner, "/api/v1/users?role=member")).json()) as { users: { id: string; email: string }[] }).users.filter(
      (user) => user.email === newcomer.email,
    );
    const booked = await call(tokens.coach, "/api/v1/bookings", { body: { ...slot(5), memberId: member!.id } });
    expect(booked.status, await explain(booked)).toBe(201);
  });

  it("shows the Account page's e-mail as not verified, with a way to send the link again", async () => {
    const html = await (await call(tokens.newcomer, "/account")).text();
    expect(html).toMatch(/not verified/);
    expect(html).toContain("Send verification e-mail");
  });

  it("stored what sign-up asked for, and following the mailed link verifies the member, who may then book", async () => {
    const stored = await app.withDatabase(async ({ db }) => {
      const people = await db
        .select({ id: users.id, email: users.email, locale: users.locale, timezone: users.timezone, emailVerified: users.emailVerified })
        .from(users);
      const messages = await db
        .select({ recipientId: outboxMessages.recipientId, payload: outboxMessages.payload })
        .from(outboxMessages)
        .where(eq(outboxMessages.kind, "email_verification"));
      return { people, messages };
    });
    const person = (email: string) => stored.people.find((row) => row.email === email);
    expect(person(newcomer.email)).toMatchObject({ locale: "fr", timezone: "America/Toronto", emailVerified: false });
    expect(person(other.email)).toMatchObject({ locale: "en", timezone: null, emailVerified: false });
    expect(person("forger@example.com")).toMatchObject({ locale: "en", timezone: null });
    expect(person("zoned@example.com")).toBeUndefined();
    // Seeded accounts (the shell's, the owner's) are verified and got nothing.
    expect(person(owner.email)?.emailVerified).toBe(true);

    const newcomerId = person(newcomer.email)!.id;
    const mine = stored.messages.filter((message) => message.recipientId === newcomerId);
    expect(mine).toHaveLength(1);
    const { url } = mine[0]!.payload as { url: string };
    expect(url).toContain("/api/auth/verify-email?token=");
    expect(stored.messages.some((message) => message.recipientId === person(other.email)!.id)).toBe(true);

    const followed = await server().request(pathOf(url), { redirect: "manual" });
    expect(followed.status, await explain(followed)).toBe(302);

    const booked = await call(tokens.newcomer, "/api/v1/bookings", { body: slot(6) });
    expect(booked.status, await explain(booked)).toBe(201);
    const html = await (await call(tokens.newcomer, "/account")).text();
    expect(html).not.toMatch(/not verified/);
    expect(html).not.toContain("Send verification e-mail");
  });
});
