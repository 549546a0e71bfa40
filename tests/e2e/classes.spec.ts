// Group classes. Robin finds next week's classes in the timetable, enrols
// in Camille's weekly class, meets the full one-off class and joins its
// waitlist (position shown), finds both under My classes and gives both
// up; then takes a standing place in the weekly class and cancels it.
// Camille schedules a one-off class (a bad capacity and a time she is
// already busy are refused, said next to the field or above the button),
// adds Alex to it and cancels it with a reason; schedules a weekly class
// and ends it; and marks who came to last week's class, which has started
// (the suite's clock: the seed scheduled the series three weeks before
// it). The owner puts Robin on the full class's waitlist for Camille.
// The demo's classes (DEMO_CLASSES) are Wednesdays and one Saturday: no
// other spec books those times; everything added here is given up again.
import type { Page } from "@playwright/test";
import { DEMO_CLASSES, demoOneOffClassDate } from "@/server/demo-seed";
import { addDays, dateInZone, mondayOf } from "@/lib/time-format";
import { suiteNow } from "./clock";
import { expect, saveScreenshot, signedInState, test } from "./support";

/** The browser's zone (playwright.config.ts): weeks are Monday to Sunday there. */
const VIEWER_ZONE = "Europe/London";
const thisMonday = () => mondayOf(dateInZone(suiteNow(), VIEWER_ZONE));
/** Any day of the week holding the seed's full one-off class (and a weekly class before it). */
const bootcampWeek = () => demoOneOffClassDate(suiteNow());
const { weekly, oneOff } = DEMO_CLASSES;

/** A class in the member's timetable or list. */
const classCard = (page: Page, title: string) => page.getByTestId("class").filter({ hasText: title });

/** Through the menu, so the page is live (hydrated) before anything is tapped. */
async function openClasses(page: Page, home: "/member" | "/coach" | "/owner") {
  await page.goto(home);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Classes" }).click();
  await expect(page.getByRole("heading", { name: "Classes", level: 1 })).toBeVisible();
}

test.describe("as Robin", () => {
  test.use({ storageState: signedInState("member3@coachbook.test") });

  test("a member enrols in a class with places, joins a full class's waitlist at #1, and gives both up", async ({ page }) => {
    await openClasses(page, "/member");
    await page.getByRole("link", { name: "Next week" }).click();
    await expect(page).toHaveURL(new RegExp(`week=${addDays(thisMonday(), 7)}`));
    if (bootcampWeek() >= addDays(thisMonday(), 14)) {
      // Seeded late on a Sunday, when it was Monday in Paris already: the week after.
      await page.getByRole("link", { name: "Next week" }).click();
      await expect(page).toHaveURL(new RegExp(`week=${addDays(thisMonday(), 14)}`));
    }

    const mobility = classCard(page, weekly.title);
    await expect(mobility).toHaveCount(1);
    await expect(mobility).toContainText("with Camille Durand");
    // 18:30 in Paris is 17:30 in London; the coach's own time is named.
    await expect(mobility).toContainText("17:30–18:30");
    await expect(mobility).toContainText("18:30–19:30 Paris time");
    // Alex and Sam hold standing places.
    await expect(mobility).toContainText("6 places left");
    await mobility.getByRole("button", { name: /^Enrol/ }).click();
    await expect(mobility.getByText("You're in")).toBeVisible();
    await expect(mobility).toContainText("5 places left");

    const bootcamp = classCard(page, oneOff.title);
    await expect(bootcamp).toContainText("Full");
    await bootcamp.getByRole("button", { name: /^Join waitlist/ }).click();
    await expect(bootcamp.getByText("Waitlist #1")).toBeVisible();
    await expect(bootcamp).toContainText("Full · 1 waiting");
    await saveScreenshot(page, "member-classes");

    await page.getByRole("navigation", { name: "Classes" }).getByRole("link", { name: "My classes" }).click();
    const mine = page.getByRole("list", { name: "My upcoming classes" }).getByTestId("class");
    await expect(mine).toHaveCount(2);
    await expect(mine.filter({ hasText: oneOff.title })).toContainText("Waitlist #1");
    await expect(mine.filter({ hasText: weekly.title })).toContainText("You're in");

    await mine.filter({ hasText: oneOff.title }).getByRole("button", { name: /^Cancel/ }).click();
    const leave = page.getByRole("dialog", { name: "Leave the waitlist?" });
    await expect(leave).toContainText(oneOff.title);
    await leave.getByRole("button", { name: "Leave the waitlist" }).click();
    await expect(leave).toBeHidden();
    await expect(mine).toHaveCount(1);

    await mine.getByRole("button", { name: /^Cancel/ }).click();
    const giveUp = page.getByRole("dialog", { name: "Give up your place?" });
    await giveUp.getByRole("button", { name: "Give up my place" }).click();
    await expect(giveUp).toBeHidden();
    await expect(page.getByText("No classes booked")).toBeVisible();
  });

  test("a member takes a standing place in a weekly class, then cancels it", async ({ page }) => {
    await openClasses(page, "/member");
    await page.getByRole("navigation", { name: "Classes" }).getByRole("link", { name: "Weekly classes" }).click();
    const series = page.getByRole("list", { name: "Weekly classes" }).getByRole("listitem").filter({ hasText: weekly.title });
    await expect(series).toContainText("Every Wednesday 18:30–19:30 (Paris time)");
    await expect(series).toContainText("with Camille Durand · 8 places");

    await series.getByRole("button", { name: /^Take a standing place/ }).click();
    await expect(series.getByRole("status")).toContainText(/Standing place taken: a place in \d+ classes so far\./);
    await expect(series.getByText("You have a standing place")).toBeVisible();

    await page.getByRole("navigation", { name: "Classes" }).getByRole("link", { name: "My classes" }).click();
    const places = page.getByRole("list", { name: "My upcoming classes" }).getByTestId("class").filter({ hasText: weekly.title });
    await expect(places.first()).toContainText("You're in");
    expect(await places.count()).toBeGreaterThanOrEqual(4);

    await page.getByRole("navigation", { name: "Classes" }).getByRole("link", { name: "Weekly classes" }).click();
    await series.getByRole("button", { name: /^Cancel standing place/ }).click();
    await page.getByRole("dialog", { name: "Cancel your standing place?" }).getByRole("button", { name: "Cancel standing place" }).click();
    await expect(series.getByRole("status")).toContainText(/Standing place cancelled; \d+ upcoming places given up\./);
    await expect(series.getByRole("button", { name: /^Take a standing place/ })).toBeVisible();
    await page.getByRole("navigation", { name: "Classes" }).getByRole("link", { name: "My classes" }).click();
    await expect(page.getByText("No classes booked")).toBeVisible();
  });
});

test.describe("as Camille", () => {
  test.use({ storageState: signedInState("coach.paris@coachbook.test") });

  test("a coach schedules a one-off class, adds a member, and cancels the class with a reason", async ({ page }) => {
    // A Thursday four weeks ahead, 19:00 Paris: nothing else of Camille's or Alex's then.
    const thursday = addDays(thisMonday(), 7 * 4 + 3);
    await openClasses(page, "/coach");
    const form = page.getByRole("form", { name: "Schedule a class" });
    await form.getByLabel("Title").fill("Kettlebell basics");
    await form.getByLabel("Date").fill(thursday);
    await form.getByLabel("Start").fill("19:00");
    await form.getByLabel("Length (minutes)").fill("60");
    await form.getByLabel("Places").fill("1");
    await form.getByRole("button", { name: "Schedule class" }).click();
    await expect(form.getByLabel("Places")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Places")).toHaveAccessibleDescription(/A class has 2 to 500 places/);

    await form.getByLabel("Places").fill("4");
    await form.getByRole("button", { name: "Schedule class" }).click();
    // 19:00 in Paris is 18:00 in London.
    await expect(form.getByRole("status")).toContainText("Scheduled: Kettlebell basics");
    await expect(form.getByRole("status")).toContainText("18:00–19:00");

    // The same time again: Camille is busy then, and the form says so.
    await form.getByLabel("Title").fill("Kettlebell again");
    await form.getByLabel("Date").fill(thursday);
    await form.getByRole("button", { name: "Schedule class" }).click();
    await expect(form.getByRole("alert")).toContainText("Camille Durand already has a session or a class at that time");

    // Her calendar shows the class by its title, a link to its roster.
    await page.goto(`/coach?week=${thursday}`);
    await page.getByRole("link", { name: "Kettlebell basics" }).click();
    await expect(page.getByRole("heading", { name: "Kettlebell basics", level: 1 })).toBeVisible();

    await page.goto(`/coach/classes?week=${thursday}`);
    await page.getByRole("list", { name: "Classes this week" }).getByRole("link", { name: "Kettlebell basics" }).click();
    await expect(page.getByRole("heading", { name: "Kettlebell basics", level: 1 })).toBeVisible();
    await expect(page.getByTestId("class-places")).toHaveText("0/4 places taken");
    await expect(page.getByText("Attendance can be marked once the class has started.")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Attended/ })).toHaveCount(0);

    const add = page.getByRole("form", { name: "Add a member" });
    await add.getByRole("button", { name: "Add to class" }).click();
    await expect(add.getByLabel("Member")).toHaveAccessibleDescription(/Required/);
    await add.getByLabel("Member").selectOption({ label: "Alex Member" });
    await add.getByRole("button", { name: "Add to class" }).click();
    await expect(add.getByRole("status")).toHaveText("Alex Member has a place.");
    const places = page.getByRole("list", { name: /^Places/ });
    await expect(places.getByTestId("roster-place").filter({ hasText: "Alex Member" })).toContainText("Confirmed");
    await expect(page.getByTestId("class-places")).toHaveText("1/4 places taken");
    await saveScreenshot(page, "coach-class");

    await page.getByRole("button", { name: "Cancel class" }).click();
    const dialog = page.getByRole("dialog", { name: "Cancel this class?" });
    await dialog.getByLabel("Reason (optional, shown to the members)").fill("Studio closed for repairs");
    await dialog.getByRole("button", { name: "Cancel the class" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Reason: Studio closed for repairs")).toBeVisible();
    await expect(page.getByRole("button", { name: "Cancel class" })).toHaveCount(0);
    const cancelled = page.getByRole("list", { name: /^Cancelled places/ }).getByTestId("roster-place");
    await expect(cancelled.filter({ hasText: "Alex Member" })).toContainText("the class was cancelled");
  });

  test("a coach schedules a weekly class, sees it with its classes, and ends it", async ({ page }) => {
    await openClasses(page, "/coach");
    const form = page.getByRole("form", { name: "Schedule a weekly class" });
    await form.getByLabel("Title").fill("Sunday stretch");
    await form.getByLabel("Day").selectOption({ label: "Sunday" });
    await form.getByLabel("Start").fill("08:00");
    await form.getByLabel("End").fill("07:00");
    await form.getByRole("button", { name: "Schedule weekly class" }).click();
    await expect(form.getByLabel("End")).toHaveAccessibleDescription(/Must be after startTime/);

    await form.getByLabel("End").fill("09:00");
    await form.getByLabel("Places").fill("6");
    await form.getByRole("button", { name: "Schedule weekly class" }).click();
    await expect(form.getByRole("status")).toContainText(/Weekly class scheduled: Sunday stretch, \d+ classes so far\./);

    const series = page.getByRole("list", { name: "Weekly classes" }).getByRole("listitem").filter({ hasText: "Sunday stretch" });
    await expect(series).toContainText("Every Sunday 08:00–09:00");
    await expect(series).toContainText("6 places · 0 standing places");
    // Next week's Sunday class is in the week's list (07:00 in London).
    await page.getByRole("link", { name: "Next week" }).click();
    await expect(page.getByRole("list", { name: "Classes this week" }).getByRole("listitem").filter({ hasText: "Sunday stretch" })).toContainText(
      "0/6 places taken",
    );

    await series.getByRole("button", { name: /^Cancel series/ }).click();
    await page.getByRole("dialog", { name: "Cancel this weekly class?" }).getByRole("button", { name: "Cancel the weekly class" }).click();
    await expect(series).toHaveCount(0);
    await expect(page.getByRole("list", { name: "Classes this week" }).getByRole("listitem").filter({ hasText: "Sunday stretch" })).toContainText(
      "Cancelled",
    );
  });

  test("a coach marks who came to last week's class, once it has started", async ({ page }) => {
    await openClasses(page, "/coach");
    await page.getByRole("link", { name: "Previous week" }).click();
    await expect(page).toHaveURL(new RegExp(`week=${addDays(thisMonday(), -7)}`));
    await page.getByRole("list", { name: "Classes this week" }).getByRole("link", { name: weekly.title }).click();
    await expect(page.getByRole("heading", { name: weekly.title, level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: "Cancel class" })).toHaveCount(0);

    const places = page.getByRole("list", { name: /^Places/ }).getByTestId("roster-place");
    const alex = places.filter({ hasText: "Alex Member" });
    const sam = places.filter({ hasText: "Sam Member" });
    await expect(alex).toContainText("Confirmed");
    await expect(alex).toContainText("Standing place");

    await alex.getByRole("button", { name: /^Attended/ }).click();
    await expect(alex.getByTestId("place-status")).toHaveText("Attended");
    await expect(alex.getByRole("button", { name: /^Attended/ })).toHaveAttribute("aria-pressed", "true");
    await sam.getByRole("button", { name: /^No-show/ }).click();
    await expect(sam.getByRole("button", { name: /^No-show/ })).toHaveAttribute("aria-pressed", "true");
    await expect(sam.getByTestId("place-status")).toHaveText("No-show");
    await expect(alex.getByTestId("place-status")).toHaveText("Attended");
    await saveScreenshot(page, "coach-class-attendance");

    // A mark is corrected the other way round.
    await sam.getByRole("button", { name: /^Attended/ }).click();
    await expect(sam.getByTestId("place-status")).toHaveText("Attended");
  });
});

test.describe("as the owner", () => {
  test.use({ storageState: signedInState("owner@coachbook.test") });

  test("the owner puts a member on the waitlist of Camille's full class, then takes them off", async ({ page }) => {
    await openClasses(page, "/owner");
    await expect(page.getByLabel("Coach")).toHaveValue(/.+/);
    await expect(page.getByRole("list", { name: "Weekly classes" })).toContainText(weekly.title);
    await page.goto(`/owner/classes?week=${bootcampWeek()}`);
    await page.getByRole("list", { name: "Classes this week" }).getByRole("link", { name: oneOff.title }).click();
    await expect(page.getByRole("heading", { name: oneOff.title, level: 1 })).toBeVisible();
    await expect(page.getByTestId("class-places")).toHaveText("2/2 places taken");

    const add = page.getByRole("form", { name: "Add a member" });
    await add.getByLabel("Member").selectOption({ label: "Robin Member" });
    await add.getByRole("button", { name: "Add to class" }).click();
    await expect(add.getByRole("status")).toHaveText("The class is full: Robin Member is on the waitlist at #1.");
    const waiting = page.getByRole("list", { name: /^Waitlist/ }).getByTestId("roster-place");
    await expect(waiting).toHaveCount(1);
    await expect(waiting).toContainText("Waitlist #1");
    await expect(page.getByTestId("class-places")).toHaveText("2/2 places taken · 1 waiting");

    await waiting.getByRole("button", { name: /^Remove/ }).click();
    await page.getByRole("dialog", { name: "Take Robin Member off the waitlist?" }).getByRole("button", { name: "Remove" }).click();
    await expect(page.getByText("Nobody is waiting.")).toBeVisible();
  });
});
