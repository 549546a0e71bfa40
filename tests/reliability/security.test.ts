// Security basics against a running app: secrets (CRON_SECRET,
// BETTER_AUTH_SECRET, passwords, session tokens) never appear in what the
// server prints or answers, nor in plain text in the database; an expired
// session is refused; sessions last at most better-auth's 7 days; the cron
// secret is compared in constant time (always two SHA-256 digests through
// timingSafeEqual), for the delivery cron too. A calendar feed's token is
// kept only hashed; an unsubscribe link signed with another secret is
// refused. The sign-in rate limit (429) is in tests/http/role-matrix.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("node:crypto", async (importOriginal) => {
  const original = await importOriginal<typeof import("node:crypto")>();
  return { ...original, timingSafeEqual: vi.fn(original.timingSafeEqual) };
});

import { timingSafeEqual } from "node:crypto";
import { secretsMatch } from "@/server/cron-secret";
import { insertUserWithPassword, signInForToken } from "../helpers/app-server";
import { addPerson } from "../helpers/people";
import { addSessionToken, serveOwnDatabase, type OwnDatabaseServer } from "./serve-own-database";

const CRON_SECRET = "cron-secret-7f3a9c1e5b2d4f60";
const AUTH_SECRET = "auth-secret-0123456789abcdef0123456789abcdef";
const PASSWORD = "pass-word-correct-horse-9";
const answers: string[] = [];
let own: OwnDatabaseServer;
let token = "";
let ownerId = "";
/** The owner's calendar feed token: in its own answers, never in the database. */
let feedToken = "";

beforeAll(async () => {
  own = await serveOwnDatabase(
    async (handle) => {
      ownerId = await insertUserWithPassword(handle, { email: "olive@example.com", name: "Olive", role: "owner", password: PASSWORD });
      const member = await addPerson(handle.db, "member");
      await addSessionToken(handle, member.id, "expiredsessiontoken", new Date(Date.now() - 60_000));
      await addSessionToken(handle, member.id, "livesessiontoken");
    },
    { CRON_SECRET, BETTER_AUTH_SECRET: AUTH_SECRET },
  );
});

afterAll(async () => {
  await own?.close();
});

/** Every response's status line, headers and body, kept for the leak check. */
async function call(pathname: string, init?: RequestInit): Promise<Response> {
  const response = await own.server.request(pathname, init);
  const body = await response.clone().text();
  answers.push(`${pathname} ${response.status} ${JSON.stringify([...response.headers])} ${body}`);
  return response;
}

describe("sessions", () => {
  it("refuses an expired session (401) and serves a live one", async () => {
    const expired = await call("/api/v1/coaches", { headers: { authorization: "Bearer expiredsessiontoken" } });
    expect(expired.status).toBe(401);
    const live = await call("/api/v1/coaches", { headers: { authorization: "Bearer livesessiontoken" } });
    expect(live.status).toBe(200);
  });

  it("signs in for at most 7 days", async () => {
    token = await signInForToken(own.server, "olive@example.com", PASSWORD);
    const response = await call("/api/auth/get-session", { headers: { authorization: `Bearer ${token}` } });
    const { session } = (await response.json()) as { session: { expiresAt: string } };
    const lifetime = new Date(session.expiresAt).getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(0);
    expect(lifetime).toBeLessThanOrEqual(7 * 86_400_000 + 60_000);
  });
});

describe("secrets", () => {
  it("the cron endpoint: a wrong secret, a prefix and a longer one get 401, the secret 200", async () => {
    for (const guess of ["wrong", CRON_SECRET.slice(0, -1), `${CRON_SECRET}x`, ""]) {
      const response = await call("/api/cron/generate-sessions", { method: "POST", headers: { authorization: `Bearer ${guess}` } });
      expect(response.status).toBe(401);
    }
    const response = await call("/api/cron/generate-sessions", { method: "POST", headers: { authorization: `Bearer ${CRON_SECRET}` } });
    expect(response.status).toBe(200);
  });

  it("the delivery cron too: a wrong secret, a prefix, a longer one and a session token get 401, the secret 200", async () => {
    for (const guess of ["wrong", CRON_SECRET.slice(0, -1), `${CRON_SECRET}x`, "", "livesessiontoken"]) {
      const response = await call("/api/cron/deliver-messages", { method: "POST", headers: { authorization: `Bearer ${guess}` } });
      expect(response.status).toBe(401);
    }
    const response = await call("/api/cron/deliver-messages", { method: "GET", headers: { authorization: `Bearer ${CRON_SECRET}` } });
    expect(response.status).toBe(200);
  });

  it("a calendar feed's token is its owner's: answered to them, served without a session, kept only hashed", async () => {
    const response = await call("/api/v1/me/calendar-feed", { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const { url } = (await response.json()) as { url: string };
    const feed = new URL(url).pathname;
    feedToken = /\/api\/calendar-feeds\/([^/]+)\.ics$/.exec(feed)![1]!;
    expect((await call(feed)).status).toBe(200);
    // One character off, or the token of no feed: 404, the same as a revoked feed.
    expect((await call(feed.replace(feedToken, `${feedToken.slice(0, -1)}${feedToken.endsWith("A") ? "B" : "A"}`))).status).toBe(404);
  });

  it("an unsubscribe link signed with another secret is refused (404) and changes nothing", async () => {
    const forged = `${Buffer.from(`${ownerId}:owner_digest`).toString("base64url")}.${"A".repeat(43)}`;
    const response = await call(`/api/unsubscribe?token=${forged}`, { method: "POST" });
    expect(response.status).toBe(404);
    const me = await call("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(((await me.json()) as { user: { emailDigest: boolean } }).user.emailDigest).toBe(true);
  });

  it("compares the cron secret in constant time: two 32-byte digests, whatever the lengths", () => {
    const compare = vi.mocked(timingSafeEqual);
    compare.mockClear();
    for (const given of ["", "x", CRON_SECRET.slice(0, 3), CRON_SECRET, "y".repeat(10_000)]) secretsMatch(given, CRON_SECRET);
    expect(compare).toHaveBeenCalledTimes(5);
    for (const [a, b] of compare.mock.calls) {
      expect((a as Buffer).length).toBe(32);
      expect((b as Buffer).length).toBe(32);
    }
  });

  it("a wrong password and bad requests say nothing about the secrets", async () => {
    const wrong = await call("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: own.server.baseUrl },
      body: JSON.stringify({ email: "olive@example.com", password: `${PASSWORD}!` }),
    });
    expect(wrong.status).toBe(401);
    await call("/api/admin/generate-sessions", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: "{weeksAhead:",
    });
    await call("/api/v1/users", { headers: { authorization: `Bearer ${token}` } });
  });

  it("never appear in the server's output, in any answer, or in plain text in the database", async () => {
    const secrets = [CRON_SECRET, AUTH_SECRET, PASSWORD, "livesessiontoken"];
    // A sign-in answers its own new token; nothing else may show one.
    const output = own.server.output();
    const rows = JSON.stringify(await own.contents());
    for (const secret of secrets) {
      expect(output, `server output shows ${secret}`).not.toContain(secret);
      for (const answer of answers) expect(answer, `an answer shows ${secret}`).not.toContain(secret);
    }
    for (const secret of [CRON_SECRET, AUTH_SECRET, PASSWORD]) expect(rows).not.toContain(secret);
    expect(feedToken).toHaveLength(43);
    expect(rows, "the calendar feed token is stored in plain text").not.toContain(feedToken);
    expect(output, "the server printed a calendar feed token").not.toContain(feedToken);
    expect(answers.length).toBeGreaterThan(8);
  });
});
