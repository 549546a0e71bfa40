// Every page of every role, checked by axe-core in the browser: no serious
// or critical WCAG 2.1 A/AA violation (labels, contrast, roles, names).
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { NAVIGATION } from "@/lib/navigation";
import { expect, SIGNED_IN_ACCOUNTS, signedInState, test } from "./support";

async function expectAccessible(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole("main")).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${path}: ${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect(serious).toEqual([]);
}

test("the public pages pass axe", async ({ page }) => {
  for (const path of ["/", "/sign-in", "/sign-up"]) await expectAccessible(page, path);
});

for (const [role, email] of [
  ["member", "member1@coachbook.test"],
  ["coach", "coach.paris@coachbook.test"],
  ["owner", "owner@coachbook.test"],
] as const satisfies ReadonlyArray<readonly [keyof typeof NAVIGATION, (typeof SIGNED_IN_ACCOUNTS)[number]]>) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: signedInState(email) });
    test(`every ${role} page passes axe`, async ({ page }) => {
      for (const { href } of NAVIGATION[role]) await expectAccessible(page, href);
    });
  });
}
