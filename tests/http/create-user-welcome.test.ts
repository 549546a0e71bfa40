// The owner adds a person over real HTTP (POST /api/v1/users): owner only,
// 201 with the user, 409 for a taken e-mail, no password taken. One
// transaction writes the user (verified, no credential), a set-password link
// valid a week and the welcome message carrying it; following the link and
// choosing a password lets the person sign in. Users made by the shell's
// createUser (with a password) get no welcome.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, outboxMessages, users, verifications } from "@/db/schema";
import { createUser } from "@/server/users/create-user";
import { insertUserWithPassword, signInForToken, type AppServer } from "../helpers/app-server";
import { pathOf, startServerWithDatabase, type ServerWithDatabase } from "../helpers/server-with-database";

const PASSWORD = "mauve-kettle-42";
const people = {
  owner: { email: "olive@example.com", name: "Olive", role: "owner" as const, password: PASSWORD },
  coach: { email: "carl@example.com", name: "Carl", role: "coach" as const, password: PASSWORD },
  member: { email: "mia@example.com", name: "Mia", role: "member" as const, password: PASSWORD },
};

let app: ServerWithDatabase;
const server = (): AppServer => app.server;
const tokens: Record<keyof typeof people, string> = { owner: "", coach: "", member: "" };

beforeAll(async () => {
  app = await startServerWithDatabase({
    prepare: async (handle) => {
      for (const person of Object.values(people)) await insertUserWithPassword(handle, person);
      // As `npm run user:create` does: with a password, and no welcome.
      await createUser(handle.db, { email: "shell@example.com", password: "shell-password-42", role: "coach" });
    },
  });
  for (const role of Object.keys(people) as Array<keyof typeof people>) {
    tokens[role] = await signInForToken(server(), people[role].email, PASSWORD);
  }
});

afterAll(async () => {
  await app?.stop();
});

async function explain(response: Response): Promise<string> {
  return `${response.status} ${await response.clone().text()}\n${server().output().slice(-2000)}`;
}

function addUser(token: string | null, body: unknown): Promise<Response> {
  return server().request("/api/v1/users", {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

const nia = { email: "New.Person@Example.com ", name: "Nia", role: "member" };

describe("POST /api/v1/users", () => {
  it("is the owner's alone: 401 signed out, 403 for a coach or a member, and creates nobody", async () => {
    expect((await addUser(null, nia)).status).toBe(401);
    for (const role of ["coach", "member"] as const) {
      const response = await addUser(tokens[role], nia);
      expect(response.status, await explain(response)).toBe(403);
    }
    const list = await server().request("/api/v1/users", { headers: { authorization: `Bearer ${tokens.owner}` } });
    expect(((await list.json()) as { users: { email: string }[] }).users.map((user) => user.email)).not.toContain("new.person@example.com");
  });

  it("adds a member (201 with the user) and a coach in a zone", async () => {
    const response = await addUser(tokens.owner, nia);
    expect(response.status, await explain(response)).toBe(201);
    expect(await response.json()).toEqual({
      user: { id: expect.any(String), email: "new.person@example.com", name: "Nia", role: "member", timezone: null },
    });
    const coach = await addUser(tokens.owner, { email: "cora@example.com", role: "coach", timezone: "Europe/Paris" });
    expect(coach.status, await explain(coach)).toBe(201);
    expect(await coach.json()).toMatchObject({ user: { email: "cora@example.com", name: "cora", role: "coach", timezone: "Europe/Paris" } });
  });

  it("refuses a taken e-mail (409 naming email), a password, and a zone for a non-coach", async () => {
    const taken = await addUser(tokens.owner, { email: "NEW.PERSON@example.com", role: "coach" });
    expect(taken.status, await explain(taken)).toBe(409);
    expect(((await taken.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty("email");
    const password = await addUser(tokens.owner, { email: "pw@example.com", role: "member", password: "chosen-by-owner-1" });
    expect(password.status).toBe(400);
    const zone = await addUser(tokens.owner, { email: "tz@example.com", role: "member", timezone: "Europe/Paris" });
    expect(zone.status).toBe(400);
    expect(((await zone.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty("timezone");
  });

  it("leaves the new person unable to sign in until they choose a password", async () => {
    const response = await server().request("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: server().baseUrl },
      body: JSON.stringify({ email: "new.person@example.com", password: "anything-at-all-1" }),
    });
    expect(response.status).toBe(401);
  });

  it("shows the Add person form on the owner's People page", async () => {
    const response = await server().request("/owner/people", { headers: { authorization: `Bearer ${tokens.owner}` } });
    expect(response.status, await explain(response)).toBe(200);
    const html = await response.text();
    expect(html).toContain("Add person");
    expect(html).toContain("E-mail");
  });
});

describe("the welcome", () => {
  it("was written with the user: one welcome each, a week-long set-password link, verified, no credential; none for the shell's user", async () => {
    const stored = await app.withDatabase(async ({ db }) => {
      const welcomes = await db
        .select({ email: users.email, emailVerified: users.emailVerified, userId: users.id, payload: outboxMessages.payload })
        .from(outboxMessages)
        .innerJoin(users, eq(users.id, outboxMessages.recipientId))
        .where(eq(outboxMessages.kind, "welcome"));
      const [nia] = await db.select({ id: users.id }).from(users).where(eq(users.email, "new.person@example.com"));
      const credentials = await db.select().from(accounts).where(eq(accounts.userId, nia!.id));
      const links = await db.select().from(verifications).where(eq(verifications.value, nia!.id));
      return { welcomes, credentials, links };
    });
    expect(stored.welcomes.map((row) => row.email).sort()).toEqual(["cora@example.com", "new.person@example.com"]);
    expect(stored.welcomes.every((row) => row.emailVerified)).toBe(true);
    expect(stored.credentials).toEqual([]);
    expect(stored.links).toHaveLength(1);
    const weekAhead = Date.now() + 7 * 86_400_000;
    expect(Math.abs(new Date(stored.links[0]!.expiresAt).getTime() - weekAhead)).toBeLessThan(10 * 60_000);

    const welcome = stored.welcomes.find((row) => row.email === "new.person@example.com")!;
    const payload = welcome.payload as { setPasswordUrl: string; signInUrl: string };
    expect(new URL(payload.signInUrl).pathname).toBe("/sign-in");
    expect(payload.setPasswordUrl).toMatch(/\/api\/auth\/reset-password\/[A-Za-z0-9]+\?callbackURL=%2Freset-password$/);
    setPasswordUrl = payload.setPasswordUrl;
  });

  let setPasswordUrl = "";

  it("sets a password through the link, and the person signs in with it", async () => {
    const followed = await server().request(pathOf(setPasswordUrl), { redirect: "manual" });
    expect(followed.status, await explain(followed)).toBe(302);
    const landing = new URL(followed.headers.get("location")!, server().baseUrl);
    expect(landing.pathname).toBe("/reset-password");
    const token = landing.searchParams.get("token")!;

    const weak = await server().request("/api/auth/reset-password", {
      method: "POST",
      headers: { "content-type": "application/json", origin: server().baseUrl },
      body: JSON.stringify({ newPassword: "short", token }),
    });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { fields?: Record<string, string> }).fields).toHaveProperty("newPassword");

    const set = await server().request("/api/auth/reset-password", {
      method: "POST",
      headers: { "content-type": "application/json", origin: server().baseUrl },
      body: JSON.stringify({ newPassword: "nias-own-password-9", token }),
    });
    expect(set.status, await explain(set)).toBe(200);

    const token2 = await signInForToken(server(), "new.person@example.com", "nias-own-password-9");
    const sessions = await server().request("/api/v1/sessions", { headers: { authorization: `Bearer ${token2}` } });
    expect(sessions.status, await explain(sessions)).toBe(200);
  });
});
