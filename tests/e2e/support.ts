// Shared steps of the browser tests: `test` with the suite's clock in every
// page, sign in as a demo account, the saved sessions of auth.setup.ts, and
// screenshots under test-results/screenshots/ for the review.
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/server/demo-seed";
import { clockOffsetMs, suiteNow } from "./clock";

export { expect };

/**
 * Gives a context's pages the suite's clock (E2E_NOW; clock.ts), still
 * flowing. Without E2E_NOW, nothing: the pages keep the real clock and
 * their real timers. For contexts a test opens itself; `test` does it for its own.
 */
export async function useSuiteClock(context: BrowserContext): Promise<void> {
  if (clockOffsetMs() !== 0) await context.clock.install({ time: suiteNow() });
}

/** Playwright's `test`, its pages on the suite's clock: every spec imports this one. */
export const test = base.extend({
  context: async ({ context }, use) => {
    await useSuiteClock(context);
    await use(context);
  },
});

export type DemoEmail = (typeof DEMO_ACCOUNTS)[number]["email"];

/** The accounts auth.setup.ts signs in once for every spec. */
export const SIGNED_IN_ACCOUNTS = [
  "owner@coachbook.test",
  "coach.paris@coachbook.test",
  "member1@coachbook.test",
  "member2@coachbook.test",
  "member3@coachbook.test",
] as const satisfies readonly DemoEmail[];

/** The storage state (session cookie) of a signed-in demo account: `test.use({ storageState: signedInState(email) })`. */
export function signedInState(email: (typeof SIGNED_IN_ACCOUNTS)[number]): string {
  return `test-results/playwright/.auth/${email}.json`;
}

export async function signIn(page: Page, email: DemoEmail): Promise<void> {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === email)!;
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}
