// The suite's clock (E2E_NOW, clock.ts) reaches the pages: a page's Date is
// the specs' one, still flowing. Without E2E_NOW both are the real clock.
// (The server's is checked by the owner spec: its "This week" is the week of
// the suite's clock.)
import { suiteNow } from "./clock";
import { expect, test } from "./support";

test("a page's clock is the suite's, and time flows on it", async ({ page }) => {
  await page.goto("/sign-in");
  const first = await page.evaluate(() => Date.now());
  expect(Math.abs(first - suiteNow().getTime())).toBeLessThan(60_000);
  await expect.poll(() => page.evaluate(() => Date.now())).toBeGreaterThan(first);
});
