// GET and PATCH /api/v1/me over real HTTP: every role reads and changes only
// themself, by bearer token, API key or cookie (a cookie write from the
// app's own Origin); only the fields sent change; a bad value or an unknown
// field is 400 naming it and changes nothing; signed out is 401.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUserWithPassword, signInForToken, startAppServer, type AppServer } from "../helpers/app-server";

const PASSWORD = "quiet-lantern-58";
const people = {
  owner: { email: "olive@example.com", name: "Olive", role: "owner" as const, password: PASSWORD },
  coach: { email: "carl@example.com", name: "Carl", role: "coach" as const, password: PASSWORD },
  member: { email: "mia@example.com", name: "Mia", role: "member" as const, password: PASSWORD },
};
type Person = keyof typeof people;
const ids = {} as Record<Person, string>;
const tokens = {} as Record<Person, string>;
let server: AppServer;

beforeAll(async () => {
  server = await startAppServer({
    prepare: async (handle) => {
      for (const person of Object.keys(people) as Person[]) ids[person] = await insertUserWithPassword(handle, people[person]);
    },
  });
  for (const person of Object.keys(people) as Person[]) {
    tokens[person] = await signInForToken(server, people[person].email, people[person].password);
  }
});

afterAll(async () => {
  await server?.stop();
});

function call(who: Person | "anonymous", method: "GET" | "PATCH", body?: unknown, bearer?: string): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (who !== "anonymous") headers.authorization = `Bearer ${bearer ?? tokens[who]}`;
  return server.request("/api/v1/me", { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function json(response: Response, status: number): Promise<Record<string, any>> {
  const text = await response.text();
  expect(response.status, `${text}\n${server.output().slice(-1500)}`).toBe(status);
  return JSON.parse(text);
}

describe("GET /api/v1/me", () => {
  it("answers each role themself, with the default message settings", async () => {
    for (const person of Object.keys(people) as Person[]) {
      const { user } = await json(await call(person, "GET"), 200);
      expect(user).toEqual({
        id: ids[person],
        email: people[person].email,
        name: people[person].name,
        role: people[person].role,
        locale: "en",
        timezone: null,
        reminder: "24h",
        emailDigest: true,
        emailVerified: true,
      });
    }
  });

  it("answers the key's user to a personal API key", async () => {
    const created = await json(
      await server.request("/api/v1/api-keys", {
        method: "POST",
        headers: { authorization: `Bearer ${tokens.coach}`, "content-type": "application/json" },
        body: JSON.stringify({ name: "me test" }),
      }),
      201,
    );
    const { user } = await json(await call("coach", "GET", undefined, created.key), 200);
    expect(user).toMatchObject({ id: ids.coach, role: "coach" });
  });

  it("answers 401 signed out, or with a bad token", async () => {
    expect((await json(await call("anonymous", "GET"), 401)).error.code).toBe("unauthenticated");
    expect((await json(await call("member", "GET", undefined, "not-a-token"), 401)).error.code).toBe("unauthenticated");
  });
});

describe("PATCH /api/v1/me", () => {
  it("changes only the fields sent, and only the caller", async () => {
    const { user } = await json(await call("member", "PATCH", { locale: "fr", timezone: "Europe/Paris", reminder: "2h" }), 200);
    expect(user).toMatchObject({ id: ids.member, name: "Mia", locale: "fr", timezone: "Europe/Paris", reminder: "2h", emailDigest: true });

    const renamed = await json(await call("member", "PATCH", { name: "  Mia Rossi ", emailDigest: false }), 200);
    expect(renamed.user).toMatchObject({ name: "Mia Rossi", locale: "fr", timezone: "Europe/Paris", reminder: "2h", emailDigest: false });

    const cleared = await json(await call("member", "PATCH", { timezone: null, reminder: "off" }), 200);
    expect(cleared.user).toMatchObject({ timezone: null, reminder: "off", locale: "fr" });

    expect((await json(await call("member", "PATCH", {}), 200)).user).toEqual(cleared.user);
    expect((await json(await call("member", "GET"), 200)).user).toEqual(cleared.user);
    // Nobody else changed.
    expect((await json(await call("owner", "GET"), 200)).user).toMatchObject({ name: "Olive", locale: "en", reminder: "24h", timezone: null });
  });

  it("answers 400 naming each bad field, and changes nothing", async () => {
    const before = (await json(await call("coach", "GET"), 200)).user;
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ locale: "de" }, ["locale"]],
      [{ timezone: "Mars/Olympus_Mons" }, ["timezone"]],
      [{ reminder: "1h" }, ["reminder"]],
      [{ emailDigest: "yes" }, ["emailDigest"]],
      [{ name: "   " }, ["name"]],
      [{ name: "x".repeat(101) }, ["name"]],
      [{ role: "owner" }, ["role"]],
      [{ email: "new@example.com", locale: "fr" }, ["email"]],
      [{ locale: "xx", reminder: 24 }, ["locale", "reminder"]],
    ];
    for (const [body, fields] of cases) {
      const answer = await json(await call("coach", "PATCH", body), 400);
      expect(answer.error.code, JSON.stringify(body)).toBe("invalid_input");
      expect(Object.keys(answer.error.fields).sort(), JSON.stringify(body)).toEqual(fields);
    }
    const notJson = await server.request("/api/v1/me", {
      method: "PATCH",
      headers: { authorization: `Bearer ${tokens.coach}`, "content-type": "application/json" },
      body: "{locale",
    });
    expect((await json(notJson, 400)).error.fields).toHaveProperty("body");
    expect((await json(await call("coach", "GET"), 200)).user).toEqual(before);
  });

  it("shows the settings on the Account page, the digest to the owner only", async () => {
    const page = async (who: Person) => {
      const response = await server.request("/account", { headers: { authorization: `Bearer ${tokens[who]}` }, redirect: "manual" });
      expect(response.status).toBe(200);
      return response.text();
    };
    const owner = await page("owner");
    expect(owner).toContain("Language of your e-mails");
    expect(owner).toContain("Daily digest");
    const member = await page("member");
    expect(member).toContain("Session reminders");
    expect(member).not.toContain("Daily digest");
  });

  it("answers 401 signed out", async () => {
    expect((await json(await call("anonymous", "PATCH", { locale: "fr" }), 401)).error.code).toBe("unauthenticated");
  });

  it("takes the session cookie from the app's own pages, and refuses it cross-site", async () => {
    const signIn = await server.request("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.baseUrl },
      body: JSON.stringify({ email: people.owner.email, password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((header) => header.split(";")[0]!)
      .find((pair) => pair.includes("session_token="))!;
    const patch = (origin: string) =>
      server.request("/api/v1/me", {
        method: "PATCH",
        headers: { cookie, origin, "content-type": "application/json" },
        body: JSON.stringify({ emailDigest: false }),
      });
    expect((await json(await patch("https://evil.example"), 403)).error.code).toBe("forbidden");
    expect((await json(await patch(server.baseUrl), 200)).user).toMatchObject({ id: ids.owner, emailDigest: false });
    const read = await server.request("/api/v1/me", { headers: { cookie } });
    expect((await json(read, 200)).user.emailDigest).toBe(false);
  });
});
