// The coach's main path, and every coach's calendar for the owner: Camille
// (Paris) blocks time off over one of Alex's Tuesdays and cancels it, marks
// a past session no-show, fixes a bad range of her weekly hours, and
// resolves a conflict the generator recorded; the owner switches to
// Jordan's calendar. The viewer is in London, so Paris times are named.
// Each scenario works on its own week of Camille's calendar, so the order
// of the tests does not matter; none touches member3 (the member spec's).
import type { Page } from "@playwright/test";
import { addDays, dateInZone, mondayOf } from "@/lib/time-format";
import { suiteNow } from "./clock";
import { expect, saveScreenshot, signedInState, test } from "./support";

const COACH_STATE = signedInState("coach.paris@coachbook.test");
const OWNER_STATE = signedInState("owner@coachbook.test");

/**
 * The calendar's weeks are the viewer's (playwright.config.ts: London), not
 * Camille's: on a Sunday 23:30 in London it is already Monday in Paris.
 */
const VIEWER_ZONE = "Europe/London";
/** The Monday of the calendar's this week, and the Tuesday `weeks` weeks later (Alex's day). */
const thisMonday = () => mondayOf(dateInZone(suiteNow(), VIEWER_ZONE));
const tuesdayIn = (weeks: number) => addDays(thisMonday(), 7 * weeks + 1);

/** The session of `member` in the calendar shown (a session is a list item inside a day's). */
const sessionOf = (page: Page, member: string) => page.locator("li li").filter({ hasText: member });

/** Through the menu, so the page is live (hydrated) before a form is filled in. */
async function openAvailability(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Availability" }).click();
  await expect(page.getByRole("heading", { name: "Availability", level: 1 })).toBeVisible();
}

/** Away and back, to see what was saved. */
async function reopenAvailability(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calendar" }).click();
  await expect(page.getByRole("heading", { name: "Your calendar" })).toBeVisible();
  await openAvailability(page);
}

/** A page signed in from the saved state, on that role's home. */
async function openAs(page: Page, home: "/coach" | "/owner/calendar") {
  await page.goto(home);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

test.describe("as Camille", () => {
  test.use({ storageState: COACH_STATE });

  test("a coach adds time off over a booked session, cancels it, and sees it cancelled in her calendar", async ({ page }) => {
    await openAs(page, "/coach");
    await expect(page.getByRole("heading", { name: "Your calendar" })).toBeVisible();
    await saveScreenshot(page, "coach-home");

    const tuesday = tuesdayIn(2);
    await openAvailability(page);
    await page.getByLabel("From date").fill(tuesday);
    await page.getByLabel("From time").fill("09:30");
    await page.getByLabel("Until date").fill(tuesday);
    await page.getByLabel("Until time").fill("11:30");
    await page.getByLabel("Reason (optional)").fill("Physio appointment");
    await page.getByRole("button", { name: "Check sessions" }).click();

    const hit = page.getByRole("status").filter({ hasText: "This time off hits 1 booked session" });
    await expect(hit).toContainText("Alex Member");
    await expect(hit).toContainText("09:00–10:00"); // 10:00 in Paris, shown in London time
    await hit.getByLabel(/^Cancel it/).check();
    // The time off card only: the whole page is mostly the weekly hours on a phone.
    await page.locator("section").filter({ has: page.getByRole("heading", { name: "Time off", level: 2 }) }).screenshot({
      path: "test-results/screenshots/coach-time-off.png",
    });
    await page.getByRole("button", { name: "Add time off" }).click();
    await expect(page.getByText("Time off added; 1 session cancelled.")).toBeVisible();
    await expect(page.getByRole("list", { name: "Upcoming time off" })).toContainText("Physio appointment");

    await page.goto(`/coach?week=${tuesday}`);
    const session = sessionOf(page, "Alex Member");
    await expect(session).toContainText("Cancelled");
    await expect(session).toContainText("Reason: Physio appointment");
    await expect(session.getByRole("button")).toHaveCount(0);
  });

  test("a coach marks last week's completed session as a no-show", async ({ page }) => {
    await openAs(page, "/coach");
    await page.getByRole("link", { name: "Previous week" }).click();
    await expect(page).toHaveURL(new RegExp(`week=${addDays(thisMonday(), -7)}`));
    const session = sessionOf(page, "Alex Member");
    await expect(session).toContainText("Completed");
    await expect(session).toContainText("10:00–11:00 Paris time");

    await session.getByRole("button", { name: /^Mark no-show/ }).click();
    const dialog = page.getByRole("dialog", { name: "Mark as no-show?" });
    await expect(dialog).toContainText("Alex Member");
    await dialog.getByRole("button", { name: "Mark no-show" }).click();
    await expect(dialog).toBeHidden();
    await expect(session).toContainText("No-show");
    await expect(session.getByRole("button", { name: /^Mark no-show/ })).toHaveCount(0);
  });

  test("a coach edits a day of her weekly hours: a bad range shows its error and saves nothing", async ({ page }) => {
    await openAs(page, "/coach");
    await openAvailability(page);
    await page.getByRole("button", { name: "+ Add hours on Sunday" }).click();
    const from = page.getByLabel("Sunday, range 1: From");
    const until = page.getByLabel("Sunday, range 1: Until");
    await from.fill("12:00");
    await until.fill("10:00");
    await page.getByRole("button", { name: "Save weekly hours" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Some hours need fixing" })).toContainText("Nothing was saved");
    await expect(until).toHaveAttribute("aria-invalid", "true");
    await expect(until).toHaveAccessibleDescription("Must be after startTime");

    await until.fill("13:00");
    await page.getByRole("button", { name: "Save weekly hours" }).click();
    await expect(page.getByText("Weekly hours saved.")).toBeVisible();
    await reopenAvailability(page);
    await expect(page.getByLabel("Sunday, range 1: Until")).toHaveValue("13:00");

    // And back: the demo week stays as it was for the other scenarios.
    await page.getByRole("button", { name: "Remove Sunday range 1" }).click();
    await page.getByRole("button", { name: "Save weekly hours" }).click();
    await expect(page.getByText("Weekly hours saved.")).toBeVisible();
    await reopenAvailability(page);
    await expect(page.getByRole("group", { name: "Sunday" })).toContainText("Not available");
  });

  test("a coach adds extra hours and removes them, and a bad session length names its rule", async ({ page }) => {
    const saturday = addDays(thisMonday(), 7 * 3 + 5);
    await openAs(page, "/coach");
    await openAvailability(page);
    await page.getByLabel("Date", { exact: true }).fill(saturday);
    await page.getByLabel("From", { exact: true }).fill("14:00");
    await page.getByLabel("Until", { exact: true }).fill("16:00");
    await page.getByLabel("Note (optional)").fill("Open day");
    await page.getByRole("button", { name: "Add extra hours" }).click();
    await expect(page.getByText("Extra hours added.")).toBeVisible();
    const extra = page.getByRole("list", { name: "Upcoming extra hours" }).getByRole("listitem").filter({ hasText: "Open day" });
    await expect(extra).toContainText("14:00–16:00 Paris time");

    await extra.getByRole("button", { name: /^Remove/ }).click();
    await page.getByRole("dialog", { name: "Remove these extra hours?" }).getByRole("button", { name: "Remove" }).click();
    await expect(page.getByText("No extra hours planned.")).toBeVisible();

    const length = page.getByLabel("Default session length (minutes)");
    await length.fill("50");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(length).toHaveAccessibleDescription(/Must be a multiple of 15 minutes/);
    await length.fill("60");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();
  });

  test("a conflict the generator recorded: booking it again says why not, dismissing resolves it", async ({ page, browser }) => {
    // Time off on a Tuesday beyond the six weeks of sessions that exist...
    const tuesday = tuesdayIn(8);
    await openAs(page, "/coach");
    await openAvailability(page);
    await page.getByLabel("From date").fill(tuesday);
    await page.getByLabel("Reason (optional)").fill("Training course");
    await page.getByRole("button", { name: "Check sessions" }).click();
    await expect(page.getByText("No booked session falls in this time.")).toBeVisible();
    await page.getByRole("button", { name: "Add time off" }).click();
    await expect(page.getByText("Time off added.")).toBeVisible();

    // ...then the owner generates ten weeks ahead: Alex's Tuesday there cannot be placed.
    const owner = await browser.newContext({ storageState: OWNER_STATE });
    // A cookie-authenticated write names its origin, as the app's own pages do (CSRF check).
    const run = await owner.request.post("/api/admin/generate-sessions", {
      data: { weeksAhead: 10 },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(run.ok()).toBe(true);
    await owner.close();

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Conflicts" }).click();
    const conflict = page.getByRole("list", { name: "Open conflicts" }).getByRole("listitem").filter({ hasText: "Alex Member" });
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText("The coach has time off then");
    await expect(conflict).toContainText("Weekly series: Tuesdays 10:00–11:00 (Paris time)");
    await saveScreenshot(page, "coach-conflicts");

    await conflict.getByRole("button", { name: /^Book it now/ }).click();
    await expect(conflict.getByRole("alert")).toContainText("still does not fit");

    await conflict.getByRole("button", { name: /^Dismiss/ }).click();
    const dialog = page.getByRole("dialog", { name: "Dismiss this conflict?" });
    await dialog.getByLabel("Note (optional)").fill("Alex is away too");
    await dialog.getByRole("button", { name: "Dismiss" }).click();
    await expect(page.getByText("No conflicts")).toBeVisible();
    await expect(page.getByRole("region", { name: "Recently resolved" })).toContainText("dismissed: Alex is away too");
  });
});

test.describe("as the owner", () => {
  test.use({ storageState: OWNER_STATE });

  test("the owner opens every coach's calendar and switches to Jordan's", async ({ page }) => {
    await openAs(page, "/owner/calendar");
    await expect(page.getByRole("heading", { name: "Calendars" })).toBeVisible();
    await expect(page.getByLabel("Coach")).toHaveValue(/.+/);
    await expect(page.getByText("Camille Durand's sessions")).toBeVisible();
    await saveScreenshot(page, "owner-calendar");

    await page.getByLabel("Coach").selectOption({ label: "Jordan Miller" });
    await page.getByRole("button", { name: "Show calendar" }).click();
    await expect(page.getByText("Jordan Miller's sessions")).toBeVisible();
    await expect(page.getByText(/the smaller ones in New York time/)).toBeVisible();
    // Sam's fortnightly Thursday falls in this week or the next (or, when
    // booking this week's was too late, the one after).
    for (let week = 0; week < 2 && (await sessionOf(page, "Sam Member").count()) === 0; week++) {
      const heading = await page.locator("#week-heading").textContent();
      await page.getByRole("link", { name: "Next week" }).click();
      await expect(page.locator("#week-heading")).not.toHaveText(heading ?? "");
    }
    await expect(sessionOf(page, "Sam Member").first()).toContainText("New York time");
    await expect(page).toHaveURL(/coach=/);
  });
});
