// Sign-in and sign-up limits over real HTTP (src/auth/auth-rate-limits.ts):
// kept in PostgreSQL, counted against the socket's address unless the peer
// is a declared proxy, failures per account from any address, successful
// sign-ins counted against nobody, 429 with Retry-After. The limits are
// lowered per server so a test needs few requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { insertUserWithPassword, startAppServer, type AppServer } from "../helpers/app-server";
import { createMigratedTestDatabase } from "../helpers/test-database";

const PASSWORD = "mauve-kettle-42";
const people = ["ada", "bo", "cy", "di", "ed", "flo", "gus"].map((name) => ({
  email: `${name}@example.com`,
  name,
  role: "member" as const,
  password: PASSWORD,
}));

function signIn(server: AppServer, email: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
  return server.request("/api/auth/sign-in/email", {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.baseUrl, ...headers },
    body: JSON.stringify({ email, password }),
  });
}

async function explain(server: AppServer, response: Response): Promise<string> {
  return `${response.status} ${await response.clone().text()}\n${server.output().slice(-2000)}`;
}

async function expectRefused(server: AppServer, response: Response): Promise<void> {
  expect(response.status, await explain(server, response)).toBe(429);
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(0);
  const body = (await response.json()) as { error: { code: string; retryAfterSeconds: number } };
  expect(body.error.code).toBe("rate_limited");
  expect(body.error.retryAfterSeconds).toBe(retryAfter);
}

describe("a server that trusts no proxy", () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startAppServer({
      env: { RATE_LIMIT_SIGN_IN_ACCOUNT: "3/15m", RATE_LIMIT_SIGN_IN_ADDRESS: "5/15m", TRUSTED_PROXIES: undefined },
      prepare: async (handle) => {
        for (const person of people) await insertUserWithPassword(handle, person);
      },
    });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("lets ten correct sign-ins in a row through: successes count against nobody", async () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const response = await signIn(server, people[0]!.email, PASSWORD);
      expect(response.status, await explain(server, response)).toBe(200);
    }
  });

  it("gives a rotated X-Forwarded-For no extra guesses", async () => {
    // One failure per account (the account limit is 3), each claiming another address:
    // all are counted against the one real address, whose limit is 5.
    const statuses: number[] = [];
    for (const [index, person] of people.slice(1).entries()) {
      const response = await signIn(server, person.email, "wrong-guess-123", { "x-forwarded-for": `198.51.100.${index + 1}` });
      statuses.push(response.status);
      if (response.status === 429) await expectRefused(server, response);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // The address is now refused, correct password or not, whatever it claims to be.
    await expectRefused(server, await signIn(server, people[0]!.email, PASSWORD, { "x-forwarded-for": "203.0.113.77" }));
  });

  it("counts the socket's own address (stamped by instrumentation.ts), not one shared bucket", () => {
    expect(server.output()).not.toContain("socket address is not known");
  });
});

describe("a server behind a declared proxy (the test's own 127.0.0.1)", () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startAppServer({
      env: {
        RATE_LIMIT_SIGN_IN_ACCOUNT: "4/15m",
        RATE_LIMIT_SIGN_IN_ADDRESS: "3/15m",
        RATE_LIMIT_SIGN_UP_ADDRESS: "2/1h",
        TRUSTED_PROXIES: "127.0.0.1, ::1",
      },
      prepare: async (handle) => {
        for (const person of people) await insertUserWithPassword(handle, person);
      },
    });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("limits an account's failures across addresses, and then refuses even its correct password", async () => {
    const victim = people[1]!;
    for (let attempt = 0; attempt < 4; attempt++) {
      const response = await signIn(server, victim.email, "wrong-guess-123", { "x-forwarded-for": `198.51.100.${attempt + 1}` });
      expect(response.status, await explain(server, response)).toBe(401);
    }
    await expectRefused(server, await signIn(server, victim.email, "wrong-guess-123", { "x-forwarded-for": "198.51.100.9" }));
    await expectRefused(server, await signIn(server, victim.email, PASSWORD, { "x-forwarded-for": "198.51.100.10" }));
    // Another account from the same addresses is not affected.
    const other = await signIn(server, people[2]!.email, PASSWORD, { "x-forwarded-for": "198.51.100.9" });
    expect(other.status, await explain(server, other)).toBe(200);
  });

  it("counts the address the proxy saw (the right-most untrusted hop), not what the client prepended", async () => {
    const guesses = people.slice(3, 7);
    for (const [index, person] of guesses.slice(0, 3).entries()) {
      const response = await signIn(server, person.email, "wrong-guess-123", { "x-forwarded-for": `10.${index}.0.1, 203.0.113.5` });
      expect(response.status, await explain(server, response)).toBe(401);
    }
    await expectRefused(server, await signIn(server, guesses[3]!.email, "wrong-guess-123", { "x-forwarded-for": "1.2.3.4, 203.0.113.5" }));
    // Another client behind the same proxy is still served.
    const response = await signIn(server, guesses[3]!.email, PASSWORD, { "x-forwarded-for": "203.0.113.6" });
    expect(response.status, await explain(server, response)).toBe(200);
  });

  it("limits sign-ups per address", async () => {
    const signUp = (email: string) =>
      server.request("/api/auth/sign-up/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.baseUrl, "x-forwarded-for": "192.0.2.44" },
        body: JSON.stringify({ email, password: PASSWORD, name: "New" }),
      });
    expect((await signUp("new1@example.com")).status).toBe(200);
    expect((await signUp("new2@example.com")).status).toBe(200);
    await expectRefused(server, await signUp("new3@example.com"));
  });
});

// Two app servers on one PostgreSQL database share the counts. PGlite allows
// one process per data directory, so there this case is covered by
// tests/integration/rate-limits.test.ts (two handles on one database) and
// this describe does not exist.
if (process.env.DATABASE_URL) {
  describe("two servers on one PostgreSQL database", () => {
    const servers: AppServer[] = [];
    let close = async () => {};
    beforeAll(async () => {
      const handle = await createMigratedTestDatabase();
      close = () => handle.close();
      for (const person of people) await insertUserWithPassword(handle, person);
      const { rows } = (await handle.db.execute(sql`SELECT current_database() AS name`)) as unknown as { rows: Array<{ name: string }> };
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${rows[0]!.name}`;
      for (let i = 0; i < 2; i++) {
        servers.push(
          await startAppServer({ database: { databaseUrl: url.toString() }, env: { RATE_LIMIT_SIGN_IN_ACCOUNT: "4/15m" } }),
        );
      }
    }, 180_000);
    afterAll(async () => {
      for (const server of servers) await server.stop();
      await close();
    });

    it("counts an account's failures on both together", async () => {
      const victim = people[4]!;
      for (let attempt = 0; attempt < 4; attempt++) {
        const server = servers[attempt % 2]!;
        const response = await signIn(server, victim.email, "wrong-guess-123");
        expect(response.status, await explain(server, response)).toBe(401);
      }
      await expectRefused(servers[0]!, await signIn(servers[0]!, victim.email, "wrong-guess-123"));
      await expectRefused(servers[1]!, await signIn(servers[1]!, victim.email, "wrong-guess-123"));
    });
  });
}
