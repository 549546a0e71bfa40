// Signs each demo account in once, through the sign-in form, and keeps its
// session for the other spec files (better-auth allows ten sign-ins a
// minute from one address, and every spec runs from 127.0.0.1).
import { test as setup } from "@playwright/test";
import { SIGNED_IN_ACCOUNTS, signIn, signedInState, useSuiteClock } from "./support";

for (const email of SIGNED_IN_ACCOUNTS) {
  setup(`sign in as ${email}`, async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    await useSuiteClock(context);
    await signIn(await context.newPage(), email);
    await context.storageState({ path: signedInState(email) });
    await context.close();
  });
}
