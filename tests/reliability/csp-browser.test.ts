// The Content-Security-Policy in a real browser (Debian chromium through
// playwright-core): every page of every role loads with no CSP violation and
// no console error, and Next's own scripts run (the nonce reached them), so
// the policy is strict without breaking the app. Chromium must be installed
// (CI installs it); without it this test fails rather than skips.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coachSettings, weeklyAvailability } from "@/db/schema";
import { insertUserWithPassword, startAppServer, type AppServer } from "../helpers/app-server";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let server: AppServer;
let browser: Browser;

const people = {
  owner: { email: "owner@csp.test", password: "owner-password" },
  coach: { email: "coach@csp.test", password: "coach-password" },
  member: { email: "member@csp.test", password: "member-password" },
} as const;
type Role = keyof typeof people;

const PAGES: Record<Role | "anonymous", string[]> = {
  anonymous: ["/sign-in", "/sign-up"],
  owner: ["/owner", "/owner/people", "/owner/calendar", "/owner/generation", "/owner/settings", "/owner/calendar?week=9999-12-31"],
  coach: ["/coach", "/coach/availability", "/coach/conflicts"],
  member: ["/member", "/member/coaches", "/member/sessions", "/member/recurring"],
};

beforeAll(async () => {
  expect(existsSync(CHROMIUM), `chromium is required at ${CHROMIUM} (apt-get install chromium)`).toBe(true);
  server = await startAppServer({
    prepare: async (handle) => {
      await insertUserWithPassword(handle, { ...people.owner, name: "Olga Owner", role: "owner" });
      const coachId = await insertUserWithPassword(handle, { ...people.coach, name: "Cora Coach", role: "coach" });
      await handle.db.insert(coachSettings).values({ coachId, timezone: "Europe/Paris" });
      await handle.db.insert(weeklyAvailability).values({ coachId, dayOfWeek: 1, startTime: "09:00", endTime: "12:00" });
      await insertUserWithPassword(handle, { ...people.member, name: "Mina Member", role: "member" });
    },
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The session cookie better-auth sets at sign-in, for the browser context. */
async function sessionCookie(role: Role): Promise<{ name: string; value: string }> {
  const response = await server.request("/api/auth/sign-in/email", {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.baseUrl },
    body: JSON.stringify(people[role]),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  const cookie = response.headers.getSetCookie().find((value) => value.includes("session_token="));
  expect(cookie).toBeTruthy();
  const [pair] = cookie!.split(";");
  const index = pair!.indexOf("=");
  return { name: pair!.slice(0, index), value: pair!.slice(index + 1) };
}

describe.each(Object.keys(PAGES) as Array<Role | "anonymous">)("as %s", (role) => {
  it("every page loads with no CSP violation and no console error, and Next's scripts run", async () => {
    const context = await browser.newContext();
    try {
      if (role !== "anonymous") {
        const { name, value } = await sessionCookie(role);
        await context.addCookies([{ name, value, url: server.baseUrl }]);
      }
      // Recorded in the page itself: a violation report event per blocked script, style or frame.
      await context.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
        document.addEventListener("securitypolicyviolation", (event) => {
          seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
        });
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (message) => {
        // The app has no favicon: the browser's own request for it is not the app's error.
        if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) {
          errors.push(`${message.text()} ${message.location().url}`);
        }
      });
      page.on("pageerror", (error) => errors.push(error.message));
      for (const path of PAGES[role]) {
        const response = await page.goto(`${server.baseUrl}${path}`, { waitUntil: "networkidle" });
        expect(response?.status(), path).toBe(200);
        expect(new URL(page.url()).pathname, `${path} redirected`).toBe(path.split("?")[0]);
        const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
        expect(violations, path).toEqual([]);
        // Next's client runtime ran: the nonce reached its inline scripts and chunks.
        expect(await page.evaluate(() => typeof (window as unknown as { next?: unknown }).next), path).toBe("object");
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
