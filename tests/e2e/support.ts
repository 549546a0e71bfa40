// Shared steps of the browser tests: sign in as a demo account, and save a
// screenshot under test-results/screenshots/ for the review.
import { expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/db/seed";

export type DemoEmail = (typeof DEMO_ACCOUNTS)[number]["email"];

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
