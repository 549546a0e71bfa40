// The cookie-authenticated REST API's CSRF defence and personal API keys,
// over real HTTP:
//  - a cross-site text/plain form POST carrying the member's cookie cannot
//    cancel their session (403), nor can one without Origin; a trusted
//    Origin still needs application/json (415); the app's own pages
//    (Sec-Fetch-Site: same-origin, or its Origin) pass; bearer clients are
//    not affected;
//  - API keys as the README tells a script to use them with Node's fetch:
//    sign in, create a key with the session token, then use the key; it acts
//    with its user's current role, another user cannot revoke it (404),
//    revoked it answers 401;
//  - the per-user write limit: 429 with Retry-After, reads still served,
//    other users unaffected.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUserWithPassword, startAppServer, type AppServer } from "../helpers/app-server";

const PASSWORD = "mauve-kettle-42";
const people = {
  owner: { email: "olive@example.com", name: "Olive", role: "owner" as const, password: PASSWORD },
  coach: { email: "carl@example.com", name: "Carl", role: "coach" as const, password: PASSWORD },
  member: { email: "mia@example.com", name: "Mia", role: "member" as const, password: PASSWORD },
  writer: { email: "wes@example.com", name: "Wes", role: "member" as const, password: PASSWORD },
};
const ids: Record<keyof typeof people, string> = { owner: "", coach: "", member: "", writer: "" };
const sessionIds: string[] = [];

let server: AppServer;

beforeAll(async () => {
  server = await startAppServer({
    env: { RATE_LIMIT_API_WRITES: "5/1m" },
    prepare: async (handle) => {
      for (const key of Object.keys(people) as Array<keyof typeof people>) {
        ids[key] = await insertUserWithPassword(handle, people[key]);
      }
      await handle.db.execute(sql`INSERT INTO coach_settings (coach_id) VALUES (${ids.coach})`);
      // Three sessions of the member's, days ahead (relative to now).
      for (let day = 3; day <= 5; day++) {
        const startsAt = new Date(Date.now() + day * 86_400_000);
        const endsAt = new Date(startsAt.getTime() + 3_600_000);
        const { rows } = (await handle.db.execute(
          sql`INSERT INTO training_sessions (coach_id, member_id, starts_at, ends_at)
              VALUES (${ids.coach}, ${ids.member}, ${startsAt.toISOString()}::timestamptz, ${endsAt.toISOString()}::timestamptz)
              RETURNING id`,
        )) as unknown as { rows: Array<{ id: string }> };
        sessionIds.push(rows[0]!.id);
      }
    },
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

async function explain(response: Response): Promise<string> {
  return `${response.status} ${await response.clone().text()}\n${server.output().slice(-2000)}`;
}

/** Signs in as a browser would; answers the session cookie and the bearer token. */
async function signIn(person: { email: string; password: string }): Promise<{ cookie: string; token: string }> {
  const response = await server.request("/api/auth/sign-in/email", {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.baseUrl },
    body: JSON.stringify({ email: person.email, password: person.password }),
  });
  expect(response.status, await explain(response)).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0]!)
    .find((pair) => pair.includes("session_token="))!;
  return { cookie, token: response.headers.get("set-auth-token")! };
}

async function sessionStatus(id: string, token: string): Promise<string | undefined> {
  const response = await server.request("/api/v1/sessions", { headers: { authorization: `Bearer ${token}` } });
  const { sessions } = (await response.json()) as { sessions: Array<{ id: string; status: string }> };
  return sessions.find((session) => session.id === id)?.status;
}

describe("CSRF on cookie-authenticated writes", () => {
  it("refuses a cross-site text/plain form POST with the cookie; the session stays scheduled", async () => {
    const { cookie, token } = await signIn(people.member);
    const target = `/api/v1/sessions/${sessionIds[0]}/cancel`;
    const forged = await server.request(target, {
      method: "POST",
      headers: { cookie, origin: "https://evil.example", "content-type": "text/plain", "sec-fetch-site": "cross-site" },
      body: "{}",
    });
    expect(forged.status, await explain(forged)).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe("forbidden");

    const noOrigin = await server.request(target, { method: "POST", headers: { cookie, "content-type": "text/plain" }, body: "{}" });
    expect(noOrigin.status, await explain(noOrigin)).toBe(403);

    const trustedButPlain = await server.request(target, {
      method: "POST",
      headers: { cookie, origin: server.baseUrl, "content-type": "text/plain" },
      body: "{}",
    });
    expect(trustedButPlain.status, await explain(trustedButPlain)).toBe(415);
    expect(((await trustedButPlain.json()) as { error: { code: string } }).error.code).toBe("unsupported_media_type");

    expect(await sessionStatus(sessionIds[0]!, token)).toBe("scheduled");
  });

  it("serves the app's own pages: same-origin JSON with the cookie cancels", async () => {
    const { cookie, token } = await signIn(people.member);
    const response = await server.request(`/api/v1/sessions/${sessionIds[1]}/cancel`, {
      method: "POST",
      headers: { cookie, "sec-fetch-site": "same-origin", "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status, await explain(response)).toBe(200);
    expect(await sessionStatus(sessionIds[1]!, token)).toBe("cancelled");
  });

  it("leaves cookie reads and bearer clients alone", async () => {
    const { cookie, token } = await signIn(people.member);
    const read = await server.request("/api/v1/sessions", { headers: { cookie, origin: "https://evil.example" } });
    expect(read.status, await explain(read)).toBe(200);
    const bearer = await server.request(`/api/v1/sessions/${sessionIds[2]}/cancel`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
      body: "{}",
    });
    expect(bearer.status, await explain(bearer)).toBe(200);
  });
});

describe("personal API keys, as a script with Node's fetch", () => {
  it("signs in, creates a key, uses it with the user's current role, and loses it when revoked", async () => {
    const { token } = await signIn(people.coach);
    const created = await server.request("/api/v1/api-keys", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "Nightly export" }),
    });
    expect(created.status, await explain(created)).toBe(201);
    const { apiKey, key } = (await created.json()) as { apiKey: { id: string; prefix: string; name: string }; key: string };
    expect(key).toMatch(/^cb_/);
    expect(apiKey).toMatchObject({ name: "Nightly export", prefix: key.slice(0, 10) });
    const withKey = { headers: { authorization: `Bearer ${key}` } };

    // Listed without the secret.
    const listed = await server.request("/api/v1/api-keys", withKey);
    expect(listed.status, await explain(listed)).toBe(200);
    const listText = await listed.text();
    expect(listText).toContain(apiKey.id);
    expect(listText).not.toContain(key);

    // A coach's key: conflicts yes, the owner's user list no; demoted, conflicts no more.
    expect((await server.request("/api/v1/conflicts", withKey)).status).toBe(200);
    expect((await server.request("/api/v1/users", withKey)).status).toBe(403);
    const { token: ownerToken } = await signIn(people.owner);
    const demote = await server.request(`/api/v1/users/${ids.coach}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${ownerToken}`, "content-type": "application/json" },
      body: JSON.stringify({ role: "member" }),
    });
    expect(demote.status, await explain(demote)).toBe(200);
    expect((await server.request("/api/v1/conflicts", withKey)).status).toBe(403);

    // Nobody else can revoke it; its owner can, and then it is 401.
    const { token: otherToken } = await signIn(people.member);
    const foreign = await server.request(`/api/v1/api-keys/${apiKey.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${otherToken}` },
    });
    expect(foreign.status, await explain(foreign)).toBe(404);
    expect((await server.request("/api/v1/sessions", withKey)).status).toBe(200);

    const revoked = await server.request(`/api/v1/api-keys/${apiKey.id}`, { method: "DELETE", ...withKey });
    expect(revoked.status, await explain(revoked)).toBe(200);
    expect(((await revoked.json()) as { apiKey: { revokedAt: string | null } }).apiKey.revokedAt).toEqual(expect.any(String));
    const after = await server.request("/api/v1/sessions", withKey);
    expect(after.status).toBe(401);
  });

  it("names the bad field of a new key", async () => {
    const { token } = await signIn(people.member);
    const response = await server.request("/api/v1/api-keys", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "x".repeat(101) }),
    });
    expect(response.status).toBe(400);
    expect(Object.keys(((await response.json()) as { error: { fields: Record<string, string> } }).error.fields)).toEqual(["name"]);
  });
});

describe("the per-user write limit", () => {
  it("answers 429 with Retry-After past the limit, keeps serving reads and other users", async () => {
    const { token } = await signIn(people.writer);
    const write = () =>
      server.request("/api/v1/api-keys", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ name: "burst" }),
      });
    for (let i = 0; i < 5; i++) {
      const response = await write();
      expect(response.status, await explain(response)).toBe(201);
    }
    const refused = await write();
    expect(refused.status, await explain(refused)).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate_limited");

    expect((await server.request("/api/v1/api-keys", { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const { token: ownerToken } = await signIn(people.owner);
    const other = await server.request("/api/v1/api-keys", {
      method: "POST",
      headers: { authorization: `Bearer ${ownerToken}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "owner's" }),
    });
    expect(other.status, await explain(other)).toBe(201);
  });
});
