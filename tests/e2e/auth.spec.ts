// Signing up, in and out, each role landing on its home, and nobody opening
// another role's pages.
import { expect, signedInState, test } from "./support";

test("a visitor signs up, lands on the member home, signs out and back in", async ({ page }) => {
  const email = `new.member.${Date.now()}@example.test`;
  await page.goto("/");
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Your name").fill("Nina New");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-good-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/member$/);
  await expect(page.getByText("Nina New", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/member");
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password" })).toBeVisible();
});

for (const [email, path] of [
  ["owner@coachbook.test", "/owner"],
  ["coach.paris@coachbook.test", "/coach"],
  ["member1@coachbook.test", "/member"],
] as const) {
  test.describe(`signed in as ${email}`, () => {
    test.use({ storageState: signedInState(email) });
    test(`the landing page sends ${email} to ${path}`, async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await page.goto("/sign-in");
      await expect(page).toHaveURL(new RegExp(`${path}$`));
    });
  });
}

test.describe("signed in as a member", () => {
  test.use({ storageState: signedInState("member2@coachbook.test") });
  test("a member cannot open coach or owner pages", async ({ page }) => {
    for (const path of ["/coach", "/coach/availability", "/coach/conflicts", "/owner", "/owner/people", "/owner/calendar", "/owner/generation"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/not-allowed$/);
      await expect(page.getByRole("heading", { name: "This page is not for your account" })).toBeVisible();
    }
  });
});
