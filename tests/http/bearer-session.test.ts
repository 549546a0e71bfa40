// The one-query bearer path (src/auth/bearer-session.ts) against a real
// server: it accepts what better-auth accepts (the token sign-in hands out,
// as sent and URI-encoded, and an unsigned session token) and nothing more —
// a forged or mangled signature, an unknown or expired token get 401; a role
// change and a sign-out take effect on the very next request (the session
// row is read every time); a session due for better-auth's sliding refresh is
// still extended by an API request.
// See docs/decisions/0011-bearer-sessions.md.
import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerSessionToken } from "@/auth/bearer-session";
import { insertUserWithPassword, signInForToken, startAppServer, type AppServer } from "../helpers/app-server";

const SECRET = "bearer-test-secret-0123456789abcdef0123456789";
const DAY_MS = 86_400_000;
const owner = { email: "olive@example.com", name: "Olive Owner", password: "owner-password-1", role: "owner" as const };
const member = { email: "mia@example.com", name: "Mia Member", password: "member-password-1", role: "member" as const };

let server: AppServer;
let memberId = "";

const sign = (value: string) => `${value}.${createHmac("sha256", SECRET).update(value).digest("base64")}`;
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  server = await startAppServer({
    env: { BETTER_AUTH_SECRET: SECRET },
    prepare: async (handle) => {
      await insertUserWithPassword(handle, owner);
      memberId = await insertUserWithPassword(handle, member);
      const add = (token: string, expiresAt: Date) =>
        handle.db.execute(
          sql`INSERT INTO sessions (token, user_id, expires_at) VALUES (${token}, ${memberId}, ${expiresAt.toISOString()}::timestamptz)`,
        );
      await add("plainmembertoken", new Date(Date.now() + 6.5 * DAY_MS));
      await add("expiredmembertoken", new Date(Date.now() - 60_000));
      // Issued more than a day ago (7-day sessions, refreshed after a day): due for refresh.
      await add("refreshduetoken", new Date(Date.now() + 2 * DAY_MS));
    },
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

async function explain(response: Response): Promise<string> {
  return `${response.status} ${await response.clone().text()}\n${server.output().slice(-2000)}`;
}

describe("which tokens are accepted", () => {
  it("accepts the token sign-in hands out, as sent and URI-encoded", async () => {
    const token = await signInForToken(server, member.email, member.password);
    // The fast path must recognise sign-in's own shape, or it would never be taken.
    expect(bearerSessionToken(new Headers({ authorization: `Bearer ${token}` }), SECRET)).toBe(token.split(".")[0]);
    for (const form of [token, encodeURIComponent(token)]) {
      const response = await server.request("/api/v1/coaches", bearer(form));
      expect(response.status, await explain(response)).toBe(200);
    }
  });

  it("accepts nothing better-auth itself would refuse: its own get-session agrees on every token the shortcut takes", async () => {
    // Guards the shortcut's assumptions on better-auth's internals: if
    // better-auth began to hash stored tokens or to require signatures, it
    // would stop recognising these tokens while the shortcut still took them.
    const signedIn = await signInForToken(server, member.email, member.password);
    for (const form of [signedIn, "plainmembertoken", sign("plainmembertoken")]) {
      expect(bearerSessionToken(new Headers({ authorization: `Bearer ${form}` }), SECRET), form).toBeTruthy();
      const ours = await server.request("/api/v1/coaches", bearer(form));
      expect(ours.status, await explain(ours)).toBe(200);
      const theirs = await server.request("/api/auth/get-session?disableRefresh=true", bearer(form));
      const body = (await theirs.json()) as { user?: { id: string } } | null;
      expect(body?.user?.id, `better-auth's verdict on ${form}`).toBe(memberId);
    }
  });

  it("accepts an unsigned session token and one signed by hand", async () => {
    for (const form of ["plainmembertoken", sign("plainmembertoken")]) {
      const response = await server.request("/api/v1/coaches", bearer(form));
      expect(response.status, await explain(response)).toBe(200);
    }
  });

  it("refuses a forged or mangled signature, an unknown token and an expired session (401, nothing else)", async () => {
    const signed = sign("plainmembertoken");
    const forged = `plainmembertoken.${createHmac("sha256", "another-secret").update("plainmembertoken").digest("base64")}`;
    for (const token of [
      forged,
      `${signed.slice(0, -2)}A=`,
      `plainmembertoken.${signed.split(".")[1]}.extra`,
      sign("plainmembertokenX"),
      "unknowntoken",
      "expiredmembertoken",
      sign("expiredmembertoken"),
    ]) {
      const response = await server.request("/api/v1/coaches", bearer(token));
      expect(response.status, `${token}: ${await explain(response)}`).toBe(401);
      expect(await response.json()).toEqual({ error: { code: "unauthenticated", message: "Sign in first" } });
    }
  });
});

describe("the session row is read on every request", () => {
  it("a role change takes effect on the next request", async () => {
    const ownerToken = await signInForToken(server, owner.email, owner.password);
    expect((await server.request("/api/v1/users", bearer("plainmembertoken"))).status).toBe(403);
    const promote = await server.request(`/api/v1/users/${memberId}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${ownerToken}`, "content-type": "application/json" },
      body: JSON.stringify({ role: "owner" }),
    });
    expect(promote.status, await explain(promote)).toBe(200);
    expect((await server.request("/api/v1/users", bearer("plainmembertoken"))).status).toBe(200);

    const demote = await server.request(`/api/v1/users/${memberId}`, {
      method: "PATCH",
      headers: { authorization: "Bearer plainmembertoken", "content-type": "application/json" },
      body: JSON.stringify({ role: "member" }),
    });
    expect(demote.status, await explain(demote)).toBe(200);
    expect((await server.request("/api/v1/users", bearer("plainmembertoken"))).status).toBe(403);
  });

  it("sign-out: the token stops working on the API at once", async () => {
    const token = await signInForToken(server, member.email, member.password);
    expect((await server.request("/api/v1/coaches", bearer(token))).status).toBe(200);
    const signOut = await server.request("/api/auth/sign-out", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, origin: server.baseUrl, "content-type": "application/json" },
      body: "{}",
    });
    expect(signOut.status, await explain(signOut)).toBe(200);
    expect((await server.request("/api/v1/coaches", bearer(token))).status).toBe(401);
  });

  it("a session due for refresh is extended by an API request, as better-auth does", async () => {
    const response = await server.request("/api/v1/coaches", bearer("refreshduetoken"));
    expect(response.status, await explain(response)).toBe(200);
    const session = await server.request("/api/auth/get-session?disableRefresh=true", bearer("refreshduetoken"));
    const { session: row } = (await session.json()) as { session: { expiresAt: string } };
    expect(new Date(row.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6.9 * DAY_MS);
  });
});
