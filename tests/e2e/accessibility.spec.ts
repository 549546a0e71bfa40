// Every page of every role, checked by axe-core in the browser: no serious
// or critical WCAG 2.1 A/AA violation (labels, contrast, roles, names).
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { NAVIGATION } from "@/lib/navigation";
import { addDays, dateInZone, mondayOf } from "@/lib/time-format";
import { DEMO_CLASSES, demoOneOffClassDate } from "@/server/demo-seed";
import { suiteNow } from "./clock";
import { expect, SIGNED_IN_ACCOUNTS, signedInState, test } from "./support";

/** No serious or critical violation on what `page` shows now; `label` names it in the report. */
async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    // A frame sandboxed without scripts (an e-mail's HTML on an Outbox message)
    // cannot run axe: its run there never ends. Its document is checked on its own.
    .exclude('iframe[sandbox=""]')
    .analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${label}: ${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect(serious).toEqual([]);
}

async function expectAccessible(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole("main")).toBeVisible();
  await expectNoSeriousViolations(page, path);
}

test("the public pages pass axe", async ({ page }) => {
  for (const path of ["/", "/sign-in", "/sign-up", "/forgot-password", "/unsubscribe"]) await expectAccessible(page, path);
  // Without a token (asks for the link), with one (the form: the page does not check it), with a spent one.
  for (const path of ["/reset-password", "/reset-password?token=not-a-real-token", "/reset-password?error=INVALID_TOKEN"]) {
    await expectAccessible(page, path);
  }
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

test.describe("as owner, a message", () => {
  test.use({ storageState: signedInState("owner@coachbook.test") });
  test("an Outbox message with its invitation, its e-mail's HTML, and the Outbox filtered pass axe", async ({ page, context }) => {
    // The demo data's bookings wrote confirmations: one has a calendar invitation.
    await page.goto("/owner/outbox");
    const href = await page.getByRole("row").filter({ hasText: "confirmed" }).first().getByRole("link").getAttribute("href");
    expect(href).toMatch(/^\/owner\/outbox\/[0-9a-f-]{36}$/);
    await expectAccessible(page, href!);
    await expect(page.getByRole("heading", { name: /^Calendar invitation/ })).toBeVisible();

    // The e-mail as its recipient's mail program shows it.
    const html = await page.getByTitle("HTML version of the message").getAttribute("srcdoc");
    expect(html).toMatch(/^<!doctype html>/i);
    const email = await context.newPage();
    await email.setContent(html!);
    await expectNoSeriousViolations(email, `${href} (the e-mail's HTML)`);
    await email.close();

    await expectAccessible(page, "/owner/outbox?status=failed");
  });
});

test.describe("as member, the class pages", () => {
  test.use({ storageState: signedInState("member1@coachbook.test") });
  test("the timetable of a week with classes, My classes and Weekly classes pass axe", async ({ page }) => {
    // Alex holds places in the demo's classes: the badges and Cancel buttons are checked too.
    for (const path of [`/member/classes?week=${demoOneOffClassDate(suiteNow())}`, "/member/classes/mine", "/member/classes/weekly"]) {
      await expectAccessible(page, path);
    }
  });
});

for (const [role, email] of [
  ["coach", "coach.paris@coachbook.test"],
  ["owner", "owner@coachbook.test"],
] as const) {
  test.describe(`as ${role}, a class's page`, () => {
    test.use({ storageState: signedInState(email) });
    test(`a coming class (add a member, cancel) and a past one (attendance) pass axe for the ${role}`, async ({ page }) => {
      const lastWeek = addDays(mondayOf(dateInZone(suiteNow(), "Europe/London")), -7);
      for (const [week, title] of [
        [demoOneOffClassDate(suiteNow()), DEMO_CLASSES.oneOff.title],
        [lastWeek, DEMO_CLASSES.weekly.title],
      ] as const) {
        await page.goto(`/${role}/classes?week=${week}`);
        await page.getByRole("list", { name: "Classes this week" }).getByRole("link", { name: title }).click();
        await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
        await expectNoSeriousViolations(page, `${role}'s ${title} class`);
      }
    });
  });
}
