// Accounts over real HTTP: sign-up refuses weak passwords, long names and
// long e-mail addresses naming the field, and creates nothing; a password
// change applies the same rule, and always signs out every other session
// (even when the client asks otherwise); the Account page is there for
// every role.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUserWithPassword, signInForToken, startAppServer, type AppServer } from "../helpers/app-server";

const PASSWORD = "mauve-kettle-42";
const people = {
  owner: { email: "olive@example.com", name: "Olive", role: "owner" as const, password: PASSWORD },
  coach: { email: "carl@example.com", name: "Carl", role: "coach" as const, password: PASSWORD },
  member: { email: "mia@example.com", name: "Mia", role: "member" as const, password: PASSWORD },
};

let server: AppServer;

beforeAll(async () => {
  server = await startAppServer({
    env: { RATE_LIMIT_SIGN_UP_ADDRESS: "100/1h" },
    prepare: async (handle) => {
      for (const person of Object.values(people)) await insertUserWithPassword(handle, person);
    },
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

async function explain(response: Response): Promise<string> {
  return `${response.status} ${await response.clone().text()}\n${server.output().slice(-2000)}`;
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  server.request(path, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.baseUrl, ...headers },
    body: JSON.stringify(body),
  });

async function expectFieldRefused(response: Response, field: string, reason: RegExp): Promise<void> {
  expect(response.status, await explain(response)).toBe(400);
  const body = (await response.json()) as { fields?: Record<string, string> };
  expect(body.fields?.[field]).toMatch(reason);
}

describe("sign-up", () => {
  it.each([
    ["aaaaaaaaaa", /repeated/],
    ["password123", /common/],
    ["short", /At least 10/],
    ["weakling@example.com", /e-mail/],
  ])("refuses the password %j, naming the field, and creates nobody", async (password, reason) => {
    await expectFieldRefused(await post("/api/auth/sign-up/email", { email: "weakling@example.com", password, name: "Weak" }), "password", reason);
    const signIn = await post("/api/auth/sign-in/email", { email: "weakling@example.com", password });
    expect(signIn.status).toBe(401);
  });

  it("refuses a name over 100 characters and an e-mail over 254", async () => {
    await expectFieldRefused(await post("/api/auth/sign-up/email", { email: "longname@example.com", password: PASSWORD, name: "n".repeat(101) }), "name", /100/);
    const email = `${"e".repeat(250)}@example.com`;
    await expectFieldRefused(await post("/api/auth/sign-up/email", { email, password: PASSWORD, name: "Long" }), "email", /254/);
  });

  it("accepts a good password", async () => {
    const response = await post("/api/auth/sign-up/email", { email: "newbie@example.com", password: "correct horse battery", name: "Newbie" });
    expect(response.status, await explain(response)).toBe(200);
  });
});

describe("changing the password", () => {
  it("applies the rule, then signs out every other session (even when asked not to)", async () => {
    const person = people.member;
    const kept = await signInForToken(server, person.email, person.password);
    const other = await signInForToken(server, person.email, person.password);
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

    await expectFieldRefused(
      await post("/api/auth/change-password", { currentPassword: PASSWORD, newPassword: "password123" }, bearer(kept)),
      "newPassword",
      /common/,
    );
    expect((await server.request("/api/v1/sessions", { headers: bearer(other) })).status).toBe(200);

    const newPassword = "plum-lantern-77";
    const changed = await post(
      "/api/auth/change-password",
      { currentPassword: PASSWORD, newPassword, revokeOtherSessions: false },
      bearer(kept),
    );
    expect(changed.status, await explain(changed)).toBe(200);
    expect((await server.request("/api/v1/sessions", { headers: bearer(other) })).status).toBe(401);

    // The new password signs in; the old one does not.
    expect((await post("/api/auth/sign-in/email", { email: person.email, password: PASSWORD })).status).toBe(401);
    await signInForToken(server, person.email, newPassword);
  });

  it("bounds a name set through better-auth's update-user", async () => {
    const token = await signInForToken(server, people.coach.email, PASSWORD);
    await expectFieldRefused(await post("/api/auth/update-user", { name: "n".repeat(101) }, { authorization: `Bearer ${token}` }), "name", /100/);
  });
});

describe("the Account page", () => {
  it.each(["owner", "coach"] as const)("is served to the %s, with password and API keys, and linked from the menu", async (role) => {
    const token = await signInForToken(server, people[role].email, PASSWORD);
    const response = await server.request("/account", { headers: { authorization: `Bearer ${token}` }, redirect: "manual" });
    expect(response.status, await explain(response)).toBe(200);
    const html = await response.text();
    expect(html).toContain("Change password");
    expect(html).toContain("API keys");
    expect(html).toContain('href="/account"');
  });
});
