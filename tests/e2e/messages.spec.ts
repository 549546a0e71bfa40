// Messages, read where the test server keeps them (no SMTP_URL): the owner's
// Outbox. A person the owner adds chooses a password from the welcome
// e-mail, forgets it and resets it from the sign-in page's link; a booking's
// confirmations are delivered ("sent"), filtered by state and read with
// their invitation; and a member's Account cards keep the messages'
// language and reminders and hand out a working calendar feed. Every person
// here is new to this spec (added or signed up in it): no demo account's
// password or settings change.
import type { Browser, Locator, Page } from "@playwright/test";
import { expect, signedInState, test, useSuiteClock } from "./support";

const OWNER_STATE = signedInState("owner@coachbook.test");

/** A page signed in as the owner, in its own context (the test's `page` is someone else). */
async function ownerPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: OWNER_STATE });
  await useSuiteClock(context);
  return context.newPage();
}

/** The Outbox's rows of messages to `to` with a subject matching `subject`, newest first. */
function outboxRows(page: Page, to: string, subject: string | RegExp): Locator {
  return page
    .getByRole("table", { name: "Messages, newest first" })
    .getByRole("row")
    .filter({ hasText: to })
    .filter({ has: page.getByRole("link", { name: subject }) });
}

/** Opens the newest message to `to` with that subject from the Outbox and answers its plain text. */
async function readMessage(page: Page, to: string, subject: string | RegExp): Promise<string> {
  await page.goto("/owner/outbox");
  await outboxRows(page, to, subject).first().getByRole("link", { name: subject }).click();
  await expect(page).toHaveURL(/\/owner\/outbox\/[0-9a-f-]{36}$/);
  const text = page.getByTestId("message-text");
  await expect(text).toContainText("Hello");
  return (await text.textContent()) ?? "";
}

/** The link after `label: ` in a message's text. */
function linkAfter(text: string, label: string): string {
  const match = new RegExp(`${label}: (https?://\\S+)`).exec(text);
  expect(match, `"${label}: <link>" in:\n${text}`).not.toBeNull();
  return match![1]!;
}

/** Signs a new member up through the API from this page's context, which is then signed in as them. */
async function signUpMember(page: Page, baseURL: string, name: string, email: string): Promise<void> {
  const signUp = await page.request.post("/api/auth/sign-up/email", {
    headers: { origin: baseURL },
    data: { name, email, password: "a-good-password" },
  });
  expect(signUp.ok()).toBe(true);
}

async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a person the owner adds sets a password from the welcome e-mail, then resets it through Forgot password?", async ({ page, browser }) => {
  const email = `pat.reset.${Date.now()}@example.test`;
  const firstPassword = "welcome-first-choice-7";
  const newPassword = "reset-second-choice-9";

  // The owner adds Pat: a welcome e-mail with a link to choose a password.
  const owner = await ownerPage(browser);
  await owner.goto("/owner");
  await owner.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  const addPerson = owner.getByRole("form", { name: "Add person" });
  await addPerson.getByLabel("E-mail").fill(email);
  await addPerson.getByLabel("Name").fill("Pat Reset");
  await expect(addPerson.getByLabel("Role")).toHaveValue("member");
  await addPerson.getByRole("button", { name: "Add person" }).click();
  await expect(addPerson.getByRole("status")).toContainText(`Added ${email}.`);
  await expect(owner.getByTestId("members")).toContainText(email);

  const welcome = await readMessage(owner, email, "Welcome to Coachbook");
  expect(welcome).toContain("Hello Pat Reset,");
  await page.goto(linkAfter(welcome, "Choose your password"));
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  await page.getByLabel("New password", { exact: true }).fill(firstPassword);
  await page.getByLabel("Confirm new password").fill(firstPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password is set.");
  await page.getByRole("status").getByRole("link", { name: "Sign in" }).click();
  await signInAs(page, email, firstPassword);
  await expect(page).toHaveURL(/\/member$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  // Signed out, Pat forgets it: the sign-in page's link asks for a reset.
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account exists for that address, we sent a link");

  // The owner's Outbox has it, with the link.
  const reset = await readMessage(owner, email, "Reset your Coachbook password");
  await expect(owner.getByRole("heading", { name: "Reset your Coachbook password", level: 1 })).toBeVisible();
  expect(reset).toContain("The link works for one hour.");
  const resetLink = linkAfter(reset, "Choose a new password");
  expect(resetLink).toMatch(/\/api\/auth\/reset-password\/[^/?]+\?callbackURL=/);
  await owner.context().close();

  await page.goto(resetLink);
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  // Two different passwords: the second field says so, nothing is sent.
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(`${newPassword}-typo`);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByLabel("Confirm new password")).toHaveAccessibleDescription(/Does not match the new password/);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password is set.");

  // The link is spent.
  await page.goto(resetLink);
  await expect(page).toHaveURL(/\/reset-password\?error=/);
  await expect(page.getByRole("alert").filter({ hasText: "This link does not work any more" })).toBeVisible();

  // The old password fails, the new one signs in.
  await page.goto("/sign-in");
  await signInAs(page, email, firstPassword);
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password" })).toBeVisible();
  await signInAs(page, email, newPassword);
  await expect(page).toHaveURL(/\/member$/);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
});

test("a booking's confirmations are sent, filtered by state, and read with their invitation in the Outbox", async ({ page, browser, baseURL }) => {
  const email = `bea.booking.${Date.now()}@example.test`;
  await signUpMember(page, baseURL!, "Bea Booking", email);

  // Bea books Jordan's first free time on the Monday three weeks ahead (no other spec books Jordan's Mondays).
  await page.goto("/member/coaches");
  await page.getByRole("link", { name: "See free times of Jordan Miller" }).click();
  const week = page.getByRole("navigation", { name: "Weeks" }).getByRole("heading");
  for (let step = 0; step < 3; step++) {
    const shown = await week.textContent();
    await page.getByRole("link", { name: "Next week →" }).click();
    await expect(week).not.toHaveText(shown ?? "");
  }
  const monday = page.locator("section", { has: page.getByRole("heading", { name: /^Mon / }) });
  await monday.getByRole("button").first().click();
  const dialog = page.getByRole("dialog");
  // The coach's own time, as the dialog names it: the confirmation says it too.
  const coachTime = /(\d{2}:\d{2}–\d{2}:\d{2}) New York time/.exec((await dialog.textContent()) ?? "")?.[1];
  expect(coachTime).toBeDefined();
  await dialog.getByRole("button", { name: "Book this session" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Booked:" })).toContainText("with Jordan Miller");

  // Both confirmations, the member's and the coach's, are delivered by the server's worker.
  const owner = await ownerPage(browser);
  await owner.goto("/owner/outbox");
  await expect(owner.getByRole("heading", { name: "Outbox", level: 1 })).toBeVisible();
  await expect(owner.getByText("No SMTP server is configured")).toBeVisible();
  const toMember = outboxRows(owner, email, /^Booked: /);
  const toCoach = outboxRows(owner, "coach.newyork@coachbook.test", /^Booked: /).first();
  await expect(toMember).toHaveCount(1);
  await expect(toMember).toContainText("booking confirmed");
  await expect(async () => {
    await owner.reload();
    await expect(toMember.getByRole("cell").nth(3)).toHaveText("sent", { timeout: 1_000 });
    await expect(toCoach.getByRole("cell").nth(3)).toHaveText("sent", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  // The status filter: "sent" keeps them, "failed" has none.
  const filter = owner.getByRole("navigation", { name: "Filter by status" });
  await filter.getByRole("link", { name: "sent", exact: true }).click();
  await expect(owner).toHaveURL(/\/owner\/outbox\?status=sent$/);
  await expect(filter.getByRole("link", { name: "sent", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(toMember).toHaveCount(1);
  await expect(toCoach).toBeVisible();
  await filter.getByRole("link", { name: "failed", exact: true }).click();
  await expect(owner).toHaveURL(/\/owner\/outbox\?status=failed$/);
  await expect(owner.getByText("No failed message.")).toBeVisible();
  await expect(owner.getByRole("table")).toHaveCount(0);
  await filter.getByRole("link", { name: "All", exact: true }).click();
  await expect(owner).toHaveURL(/\/owner\/outbox$/);

  // The member's confirmation: the session in words, as HTML, and an invitation.
  const text = await readMessage(owner, email, /^Booked: /);
  expect(text).toContain("Hello Bea Booking,");
  expect(text).toContain("Your session is booked.");
  expect(text).toMatch(/When: .+/);
  expect(text).toContain(`${coachTime} in America/New_York, the coach's time zone`);
  expect(text).toContain("With: Jordan Miller");
  await expect(owner.getByText(/sent via mailbox/)).toBeVisible();
  await expect(owner.getByRole("button", { name: "Retry" })).toHaveCount(0);
  await expect(owner.frameLocator('iframe[title="HTML version of the message"]').getByText("Your session is booked.")).toBeVisible();
  await expect(owner.getByRole("heading", { name: "Calendar invitation (invite.ics, REQUEST)" })).toBeVisible();
  const invitation = owner.locator("pre").filter({ hasText: "BEGIN:VCALENDAR" });
  await expect(invitation).toContainText("METHOD:REQUEST");
  await expect(invitation).toContainText("BEGIN:VEVENT");
  await expect(invitation).toContainText("SUMMARY:Session with Jordan Miller");

  // The coach's says who booked.
  const coachText = await readMessage(owner, "coach.newyork@coachbook.test", /^Booked: /);
  expect(coachText).toContain("Hello Jordan Miller,");
  expect(coachText).toContain("With: Bea Booking");
  await owner.context().close();
});

test("a member's Account keeps the messages' language and reminders, and hands out a working calendar feed", async ({ page, baseURL }) => {
  await signUpMember(page, baseURL!, "Mia Settings", `mia.settings.${Date.now()}@example.test`);
  await page.goto("/member");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();

  // Messages: French, two hours before; kept after a reload.
  const language = page.getByLabel("Language of your e-mails");
  const reminders = page.getByLabel("Session reminders");
  await expect(language).toHaveValue("en");
  await language.selectOption({ label: "Français" });
  await reminders.selectOption({ label: "2 hours before" });
  await page.getByRole("button", { name: "Save message settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Message settings saved." })).toBeVisible();
  await page.reload();
  await expect(language).toHaveValue("fr");
  await expect(reminders).toHaveValue("2h");
  await expect(language.locator("option:checked")).toHaveText("Français");
  await expect(reminders.locator("option:checked")).toHaveText("2 hours before");

  // Calendar feed: off, then on at an address on the app's origin ending in .ics, which serves iCalendar.
  await expect(page.getByText("Your calendar feed is off.")).toBeVisible();
  await page.getByRole("button", { name: "Turn on the calendar feed" }).click();
  const address = page.getByLabel("Your feed's address");
  await expect(address).toHaveValue(/^https?:\/\/.+\/api\/calendar-feeds\/[^/]+\.ics$/);
  const url = await address.inputValue();
  expect(new URL(url).origin).toBe(new URL(baseURL!).origin);
  await expect(page.getByRole("link", { name: "Subscribe in your calendar app" })).toHaveAttribute("href", /^webcal:\/\/.+\.ics$/);
  const feed = await page.request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR\r?\n/);

  // A new address: the old one stops working.
  await page.getByRole("button", { name: "New address" }).click();
  await page.getByRole("dialog", { name: "Get a new address?" }).getByRole("button", { name: "Get a new address" }).click();
  await expect(address).not.toHaveValue(url);
  const newUrl = await address.inputValue();
  expect((await page.request.get(newUrl)).status()).toBe(200);
  expect((await page.request.get(url)).status()).toBe(404);

  // Off: neither works, and the card offers to turn it on again.
  await page.getByRole("button", { name: "Turn off" }).click();
  await page.getByRole("dialog", { name: "Turn the calendar feed off?" }).getByRole("button", { name: "Turn off" }).click();
  await expect(page.getByText("Your calendar feed is off.")).toBeVisible();
  expect((await page.request.get(newUrl)).status()).toBe(404);
});
