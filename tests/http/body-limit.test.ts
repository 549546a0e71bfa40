// Request bodies are bounded before they are read, against the real server
// (scripts/server.ts): a Content-Length above BODY_SIZE_LIMIT gets 413 with
// `Connection: close` on every kind of request (auth, REST, server action),
// a body of unknown length (chunked) gets 411, and a body within the limit
// is served as before. Oversized posts at once leave the server's memory
// flat. A client that hangs up is logged as an abort, not as a database
// outage. One server at the default limit, one at BODY_SIZE_LIMIT=2kb.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureOversizedBodies } from "../../bench/lib/oversized-body";
import { insertUserWithPassword, signInForToken, startAppServer, type AppServer } from "../helpers/app-server";

let server: AppServer;
let small: AppServer;
let token: string;
const MEMBER = { email: "member@example.com", name: "Mia Member", password: "member-password-1", role: "member" as const };

beforeAll(async () => {
  [server, small] = await Promise.all([
    startAppServer({ prepare: async (handle) => void (await insertUserWithPassword(handle, MEMBER)) }),
    startAppServer({ env: { BODY_SIZE_LIMIT: "2kb" } }),
  ]);
  token = await signInForToken(server, MEMBER.email, MEMBER.password);
}, 300_000);

afterAll(async () => {
  await Promise.all([server?.stop(), small?.stop()]);
});

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: `body` is sent with its Content-Length, or chunked when `chunked`. */
function raw(on: AppServer, pathname: string, options: { body: Buffer | string; chunked?: boolean; headers?: Record<string, string> }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(options.body);
    const request = httpRequest(
      new URL(pathname, on.baseUrl),
      {
        method: "POST",
        agent: false,
        headers: {
          "content-type": "application/json",
          origin: on.baseUrl,
          ...(options.chunked ? {} : { "content-length": String(body.length) }),
          ...options.headers,
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      },
    );
    request.on("error", reject);
    if (options.chunked) {
      // Two writes without a Content-Length: Node sends them chunked.
      request.write(body.subarray(0, 10));
      request.end(body.subarray(10));
    } else {
      request.end(body);
    }
  });
}

const json = (bytes: number) => JSON.stringify({ email: "member@example.com", password: "x".repeat(bytes) });

describe("a body above the limit", () => {
  it("is answered 413 payload_too_large with Connection: close, on auth, REST and server action requests", async () => {
    const big = json(2 * 1024 * 1024);
    for (const [pathname, headers] of [
      ["/api/auth/sign-in/email", {}],
      ["/api/v1/bookings", { authorization: `Bearer ${token}` }],
      ["/api/admin/generate-sessions", {}],
      // A server action: a POST to a page with the Next-Action header.
      ["/member", { "next-action": "0123456789abcdef", "content-type": "text/plain;charset=UTF-8" }],
    ] as const) {
      const answer = await raw(server, pathname, { body: big, headers });
      expect(answer.status, `${pathname}: ${answer.body}\n${server.output().slice(-1500)}`).toBe(413);
      expect(answer.headers.connection).toBe("close");
      expect(JSON.parse(answer.body)).toEqual({
        error: { code: "payload_too_large", message: "The request body is larger than 1 MB", fields: { body: "At most 1 MB" } },
      });
    }
  });

  it("follows BODY_SIZE_LIMIT", async () => {
    const answer = await raw(small, "/api/auth/sign-in/email", { body: json(3 * 1024) });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.fields).toEqual({ body: "At most 2 kB" });
    // Within it, better-auth answers as usual (no such account).
    const within = await raw(small, "/api/auth/sign-in/email", { body: json(100) });
    expect(within.status, within.body).toBe(401);
  });

  it("leaves memory flat: ten 50 MB bodies at once are each answered 413", { timeout: 120_000 }, async () => {
    const figure = await measureOversizedBodies(server, { bodies: 10, bodyMb: 50 });
    expect(figure.statuses).toEqual({ "413": 10 });
    // Buffering them would take 500 MB; the bench reports the figure (target < 100 MB).
    expect(figure.growthMb).toBeLessThan(200);
    expect((await server.request("/api/health")).status).toBe(200);
  });
});

describe("a body of unknown length", () => {
  it("is refused with 411, naming Content-Length", async () => {
    const answer = await raw(server, "/api/auth/sign-in/email", { body: json(100), chunked: true });
    expect(answer.status).toBe(411);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "invalid_input", fields: { "content-length": expect.any(String) } } });
  });
});

describe("a body within the limit", () => {
  it("is served as before: sign-in, and a REST write that reads its JSON", async () => {
    const signIn = await raw(server, "/api/auth/sign-in/email", {
      body: JSON.stringify({ email: MEMBER.email, password: MEMBER.password }),
    });
    expect(signIn.status, signIn.body).toBe(200);
    const booking = await raw(server, "/api/v1/bookings", { body: "{}", headers: { authorization: `Bearer ${token}` } });
    expect(booking.status, booking.body).toBe(400);
    expect(JSON.parse(booking.body).error.code).toBe("invalid_input");
  });
});

describe("a client that hangs up", () => {
  it("is logged as aborted by the client, not as the database being unavailable", async () => {
    const before = server.output().length;
    // A REST write that promises 1000 bytes, sends 20 and hangs up.
    await new Promise<void>((resolve) => {
      const request = httpRequest(new URL("/api/v1/bookings", server.baseUrl), {
        method: "POST",
        agent: false,
        headers: { "content-type": "application/json", "content-length": "1000", authorization: `Bearer ${token}` },
      });
      request.on("error", () => resolve());
      request.on("close", () => resolve());
      request.write('{"coachId": "abcdefg', () => setTimeout(() => request.destroy(), 300));
    });
    // Who sees the hang-up first depends on where the body is being read:
    // the route (apiRoute logs "[api] … aborted by client"), or Next itself,
    // which tees the body for src/proxy.ts and logs Node's "aborted"
    // (ECONNRESET) without calling the route. Either way it is named an abort.
    const abortLogged = (text: string) => text.includes("[api] POST /api/v1/bookings aborted by client") || /Error: aborted[\s\S]*ECONNRESET/.test(text);
    const deadline = Date.now() + 10_000;
    while (!abortLogged(server.output().slice(before)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const logged = server.output().slice(before);
    expect(abortLogged(logged), logged).toBe(true);
    expect(logged).not.toContain("database unavailable");
    expect(logged).not.toContain("failed:");
  });
});
