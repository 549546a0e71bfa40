// Password reset over real HTTP, better-auth's own flow: a request for an
// account puts one password_reset message (with the link) in the outbox, a
// request for an unknown address answers the same and writes nothing; the
// link leads to /reset-password with the token, the password rule applies
// (400 naming newPassword), setting the password ends every session, and the
// token works once. Requests are limited per e-mail and per client address.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxMessages, users } from "@/db/schema";
import { insertUserWithPassword, signInForToken, type AppServer } from "../helpers/app-server";
import { pathOf, startServerWithDatabase, type ServerWithDatabase } from "../helpers/server-with-database";

const PASSWORD = "mauve-kettle-42";
const NEW_PASSWORD = "plum-lantern-77";
const mia = { email: "mia@example.com", name: "Mia", role: "member" as const, password: PASSWORD };
const noah = { email: "noah@example.com", name: "Noah", role: "member" as const, password: PASSWORD };

let app: ServerWithDatabase;
const server = (): AppServer => app.server;

beforeAll(async () => {
  app = await startServerWithDatabase({
    // The test's own 127.0.0.1 is a declared proxy: each test names its client address.
    env: { TRUSTED_PROXIES: "127.0.0.1, ::1", RATE_LIMIT_PASSWORD_RESET_EMAIL: "3/1h", RATE_LIMIT_PASSWORD_RESET_ADDRESS: "4/1h" },
    prepare: async (handle) => {
      await insertUserWithPassword(handle, mia);
      await insertUserWithPassword(handle, noah);
    },
  });
});

afterAll(async () => {
  await app?.stop();
});

async function explain(response: Response): Promise<string> {
  return `${response.status} ${await response.clone().text()}\n${server().output().slice(-2000)}`;
}

function post(pathname: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return server().request(pathname, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server().baseUrl, ...headers },
    body: JSON.stringify(body),
  });
}

const requestReset = (email: string, address: string) =>
  post("/api/auth/request-password-reset", { email, redirectTo: "/reset-password" }, { "x-forwarded-for": address });

describe("the reset flow", () => {
  it("mails a link for an account, answers the same for an unknown address, and the link sets a new password once", async () => {
    const sessions = [await signInForToken(server(), mia.email, PASSWORD), await signInForToken(server(), mia.email, PASSWORD)];

    const known = await requestReset("Mia@Example.com", "198.51.100.1");
    expect(known.status, await explain(known)).toBe(200);
    const unknown = await requestReset("nobody@example.com", "198.51.100.1");
    expect(unknown.status, await explain(unknown)).toBe(200);
    expect(await unknown.json()).toEqual(await known.json());

    const rows = await app.withDatabase(async ({ db }) =>
      db
        .select({ recipient: users.email, payload: outboxMessages.payload })
        .from(outboxMessages)
        .innerJoin(users, eq(users.id, outboxMessages.recipientId))
        .where(eq(outboxMessages.kind, "password_reset")),
    );
    expect(rows.map((row) => row.recipient)).toEqual([mia.email]);
    const { url } = rows[0]!.payload as { url: string };
    expect(url).toMatch(/\/api\/auth\/reset-password\/[A-Za-z0-9]+\?callbackURL=%2Freset-password$/);

    // The link: better-auth checks the token and sends the browser to our page with it.
    const followed = await server().request(pathOf(url), { redirect: "manual" });
    expect(followed.status, await explain(followed)).toBe(302);
    const landing = new URL(followed.headers.get("location")!, server().baseUrl);
    expect(landing.pathname).toBe("/reset-password");
    const token = landing.searchParams.get("token")!;
    expect(token).toBeTruthy();
    const page = await server().request(`${landing.pathname}${landing.search}`);
    expect(page.status, await explain(page)).toBe(200);
    const html = await page.text();
    expect(html).toContain("New password");
    expect(html).toContain("Confirm new password");
    expect(html).toContain("Set new password");

    // The password rule, naming the field; nothing changes.
    const weak = await post("/api/auth/reset-password", { newPassword: "password123", token });
    expect(weak.status, await explain(weak)).toBe(400);
    expect(((await weak.json()) as { fields?: Record<string, string> }).fields?.newPassword).toMatch(/common/);
    expect((await server().request("/api/v1/sessions", { headers: { authorization: `Bearer ${sessions[0]}` } })).status).toBe(200);

    const reset = await post("/api/auth/reset-password", { newPassword: NEW_PASSWORD, token });
    expect(reset.status, await explain(reset)).toBe(200);

    // Every session of the account ended; the old password no longer works, the new one does.
    for (const session of sessions) {
      expect((await server().request("/api/v1/sessions", { headers: { authorization: `Bearer ${session}` } })).status).toBe(401);
    }
    expect((await post("/api/auth/sign-in/email", { email: mia.email, password: PASSWORD })).status).toBe(401);
    await signInForToken(server(), mia.email, NEW_PASSWORD);

    // The token works once: the link now lands on the page's error, which offers a new one.
    const again = await post("/api/auth/reset-password", { newPassword: "another-fine-password", token });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { code?: string }).code).toBe("INVALID_TOKEN");
    const spent = await server().request(pathOf(url), { redirect: "manual" });
    const spentLanding = new URL(spent.headers.get("location")!, server().baseUrl);
    expect(spentLanding.pathname).toBe("/reset-password");
    expect(spentLanding.searchParams.get("error")).toBe("INVALID_TOKEN");
    const errorPage = await (await server().request(`${spentLanding.pathname}${spentLanding.search}`)).text();
    expect(errorPage).toContain("Ask for a new link");
    expect(errorPage).toContain('href="/forgot-password"');
  });

  it("serves the pages signed out, and links sign-in to the forgotten-password form", async () => {
    const signIn = await server().request("/sign-in");
    expect(await signIn.text()).toContain('href="/forgot-password"');
    const forgot = await server().request("/forgot-password", { redirect: "manual" });
    expect(forgot.status, await explain(forgot)).toBe(200);
    const html = await forgot.text();
    expect(html).toContain("E-mail");
    expect(html).toContain("Send reset link");
  });
});

describe("limits", () => {
  async function expectRefused(response: Response): Promise<void> {
    expect(response.status, await explain(response)).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
  }

  it("limits requests per e-mail address, whichever address they come from", async () => {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const response = await requestReset(noah.email, `203.0.113.${attempt}`);
      expect(response.status, await explain(response)).toBe(200);
    }
    await expectRefused(await requestReset("NOAH@example.com", "203.0.113.9"));
    // Another address's requests are not affected.
    expect((await requestReset("someone@example.com", "203.0.113.9")).status).toBe(200);
  });

  it("limits requests per client address, whichever e-mail they ask for", async () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      const response = await requestReset(`probe-${attempt}@example.com`, "192.0.2.50");
      expect(response.status, await explain(response)).toBe(200);
    }
    await expectRefused(await requestReset("probe-5@example.com", "192.0.2.50"));
  });

  it("wrote no more than three messages for the limited account", async () => {
    const count = await app.withDatabase(async ({ db }) => {
      const [noahRow] = await db.select({ id: users.id }).from(users).where(eq(users.email, noah.email));
      const rows = await db
        .select({ id: outboxMessages.id })
        .from(outboxMessages)
        .where(and(eq(outboxMessages.kind, "password_reset"), eq(outboxMessages.recipientId, noahRow!.id)));
      return rows.length;
    });
    expect(count).toBe(3);
  });
});
