// Security headers over real HTTP (src/proxy.ts, next.config.ts): every page
// carries a Content-Security-Policy with a fresh nonce that Next puts on its
// own scripts, no framing, no sniffing, a Referrer-Policy; HSTS only when the
// request came over HTTPS; API answers are never stored by a cache. And the
// booking window's REST endpoint: everyone signed in reads it, the owner
// changes it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUserWithPassword, signInForToken, startAppServer, type AppServer } from "../helpers/app-server";

let server: AppServer;
const tokens = { owner: "", member: "" };

beforeAll(async () => {
  server = await startAppServer({
    prepare: async (handle) => {
      await insertUserWithPassword(handle, { email: "owner@headers.test", name: "Olga Owner", role: "owner", password: "owner-password" });
      await insertUserWithPassword(handle, { email: "member@headers.test", name: "Mina Member", role: "member", password: "member-password" });
    },
  });
  tokens.owner = await signInForToken(server, "owner@headers.test", "owner-password");
  tokens.member = await signInForToken(server, "member@headers.test", "member-password");
});

afterAll(async () => {
  await server?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) => server.request(path, { redirect: "manual", headers });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The CSP's directives by name. */
function directives(header: string | null): Map<string, string> {
  expect(header).toBeTruthy();
  return new Map(
    header!.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values.join(" ")] as const;
    }),
  );
}

describe("pages", () => {
  it("carry a nonce-based CSP that Next's own scripts carry too, a fresh nonce per request", async () => {
    const first = await get("/sign-in");
    expect(first.status).toBe(200);
    const csp = directives(first.headers.get("content-security-policy"));
    const nonce = /'nonce-([^']+)'/.exec(csp.get("script-src") ?? "")?.[1];
    expect(nonce).toBeTruthy();
    expect(csp.get("script-src")).toBe(`'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp.get("default-src")).toBe("'self'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'self'");
    expect(csp.get("form-action")).toBe("'self'");
    expect(csp.get("style-src")).not.toContain("unsafe-inline");

    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    const second = await get("/sign-in");
    const again = /'nonce-([^']+)'/.exec(second.headers.get("content-security-policy") ?? "")?.[1];
    expect(again).toBeTruthy();
    expect(again).not.toBe(nonce);
  });

  it("say nosniff and a Referrer-Policy, for pages, the API and static files alike", async () => {
    const page = await get("/owner", bearer(tokens.owner));
    expect(page.status).toBe(200);
    const html = await page.text();
    const stylesheet = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
    expect(stylesheet).toBeTruthy();
    for (const response of [page, await get("/api/health"), await get(stylesheet!)]) {
      expect(response.headers.get("x-content-type-options"), response.url).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), response.url).toBe("strict-origin-when-cross-origin");
    }
  });

  it("send HSTS only when the request came over HTTPS (the TLS proxy's X-Forwarded-Proto)", async () => {
    expect((await get("/sign-in")).headers.get("strict-transport-security")).toBeNull();
    expect((await get("/api/health")).headers.get("strict-transport-security")).toBeNull();
    const https = await get("/sign-in", { "x-forwarded-proto": "https" });
    expect(https.headers.get("strict-transport-security")).toMatch(/^max-age=\d{7,}/);
    expect(https.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });
});

describe("API answers", () => {
  it("are Cache-Control: no-store, answers and errors, /api/v1 and /api/auth", async () => {
    const answers = [
      await get("/api/v1/studio-settings", bearer(tokens.member)),
      await get("/api/v1/users", bearer(tokens.owner)),
      await get("/api/v1/users", bearer(tokens.member)),
      await get("/api/v1/sessions"),
      await get("/api/auth/get-session", bearer(tokens.member)),
    ];
    expect(answers.map((response) => response.status)).toEqual([200, 200, 403, 401, 200]);
    for (const response of answers) {
      expect(response.headers.get("cache-control"), response.url).toBe("no-store");
      expect(response.headers.get("x-content-type-options"), response.url).toBe("nosniff");
    }
  });
});

describe("GET|PATCH /api/v1/studio-settings", () => {
  const patch = (token: string, body: unknown) =>
    server.request("/api/v1/studio-settings", {
      method: "PATCH",
      headers: { ...bearer(token), "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("lets everyone signed in read the window, and only the owner change it (1..3650, named when wrong)", async () => {
    expect((await get("/api/v1/studio-settings")).status).toBe(401);
    const read = await get("/api/v1/studio-settings", bearer(tokens.member));
    expect(((await read.json()) as { settings: { bookingWindowDays: number } }).settings.bookingWindowDays).toBe(365);

    expect((await patch(tokens.member, { bookingWindowDays: 30 })).status).toBe(403);
    const bad = await patch(tokens.owner, { bookingWindowDays: 3651 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({
      bookingWindowDays: "Must be 1 to 3650 days",
    });
    const unknown = await patch(tokens.owner, { bookingWindowDays: 30, maxDays: 1 });
    expect(unknown.status).toBe(400);

    const changed = await patch(tokens.owner, { bookingWindowDays: 30 });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as { settings: { bookingWindowDays: number } }).settings.bookingWindowDays).toBe(30);
    const reread = await get("/api/v1/studio-settings", bearer(tokens.member));
    expect(((await reread.json()) as { settings: { bookingWindowDays: number } }).settings.bookingWindowDays).toBe(30);
  });

  it("is on the owner's settings page, linked from the owner menu", async () => {
    const page = await get("/owner/settings", bearer(tokens.owner));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Booking window (days)");
    expect(html).toContain('href="/owner/settings"');
    expect((await get("/owner/settings", bearer(tokens.member))).status).toBe(307);
  });
});
