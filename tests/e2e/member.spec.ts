// A member books a weekly series from a coach's free times, sees its next
// sessions, cancels one occurrence and then the whole series; and books a
// single session.
import { expect, saveScreenshot, signedInState, test } from "./support";

test.describe("as Robin", () => {
  test.use({ storageState: signedInState("member3@coachbook.test") });

  test("a member books every Wednesday with a coach in another zone, cancels one date, then the series", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Hello, Robin" })).toBeVisible();
    await saveScreenshot(page, "member-home");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Book" }).click();
    await page.getByRole("link", { name: "See free times of Jordan Miller" }).click();
    // Jordan works on New York time; this browser is in London.
    await expect(page.getByText("Jordan works on New York time")).toBeVisible();
    await page.getByRole("link", { name: "Next week →" }).click();
    await expect(page).toHaveURL(/week=\d{4}-\d{2}-\d{2}/);
    await saveScreenshot(page, "member-slots");

    const wednesday = page.locator("section", { has: page.getByRole("heading", { name: /^Wed / }) });
    // 09:00 in New York is 14:00 in London.
    await wednesday.getByRole("button", { name: /14:00–14:45$/ }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByText("09:00–09:45 New York time")).toBeVisible();
    await dialog.getByRole("radio", { name: "Every Wednesday" }).check();
    await dialog.getByRole("button", { name: "Check the dates" }).click();
    const dates = dialog.getByRole("list", { name: "Dates of the series" }).getByRole("listitem");
    await expect(dates.first()).toContainText("✓ Free");
    const count = await dates.count();
    expect(count).toBeGreaterThanOrEqual(4);
    await saveScreenshot(page, "member-booking-preview");
    await dialog.getByRole("button", { name: `Book ${count} sessions` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Booked every" })).toContainText(`${count} sessions so far`);

    await page.getByRole("link", { name: "See my recurring bookings" }).click();
    const series = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Every Wednesday 09:00–09:45/ }) });
    await expect(series).toContainText("New York time");
    const sessions = series.getByTestId("session");
    await expect(sessions).toHaveCount(count);
    await expect(sessions.first()).toContainText("14:00–14:45");

    // Cancel one date: the series goes on.
    await sessions.first().getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("dialog").getByLabel("Reason (optional)").fill("Away that week");
    await page.getByRole("dialog").getByRole("button", { name: "Cancel session" }).click();
    await expect(page.getByRole("dialog")).toBeHidden();
    await expect(sessions.first()).toContainText("Cancelled");
    await expect(sessions.nth(1)).toContainText("Scheduled");

    // Cancel the series: this and all future.
    await series.getByRole("button", { name: "Cancel series" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Cancel the series" }).click();
    await expect(page.getByRole("dialog")).toBeHidden();
    await expect(series.getByText("Cancelled").first()).toBeVisible();
    await expect(series.getByText("Scheduled")).toHaveCount(0);
  });
});

test.describe("as Sam", () => {
  test.use({ storageState: signedInState("member2@coachbook.test") });

  test("a member books a single session and finds it under My sessions", async ({ page }) => {
    await page.goto("/member/coaches");
    await page.getByRole("link", { name: "See free times of Camille Durand" }).click();
    await page.getByRole("link", { name: "Next week →" }).click();
    // This week has a Friday too (bookable on the days before it): wait for next week's.
    await expect(page).toHaveURL(/week=\d{4}-\d{2}-\d{2}/);
    const friday = page.locator("section", { has: page.getByRole("heading", { name: /^Fri / }) });
    // 10:00 in Paris is 09:00 in London.
    await friday.getByRole("button", { name: /09:00–10:00$/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Book this session" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Booked:" })).toContainText("with Camille Durand");
    // The slot is taken now.
    await expect(friday.getByRole("button", { name: /09:00–10:00$/ })).toHaveCount(0);

    await page.getByRole("link", { name: "See my sessions" }).click();
    await expect(page.getByTestId("session").filter({ hasText: "with Camille Durand" }).first()).toContainText("Scheduled");
    await page.getByRole("link", { name: "Past" }).click();
    await expect(page).toHaveURL(/view=past/);
  });
});
