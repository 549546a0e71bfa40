// A link that sets a user's password, made exactly as better-auth's own
// POST /request-password-reset makes it (node_modules/better-auth, routes
// password.ts): a verifications row `reset-password:<token>` whose value is
// the user's id, and the URL of better-auth's GET /reset-password/<token>,
// which checks the token and sends the browser to our /reset-password page
// with `?token=…` (or `?error=INVALID_TOKEN`). The page posts the new
// password to better-auth's POST /reset-password, which spends the token,
// creates the credential account when the user has none (a person the owner
// added), ends every session of the user and stores the password.
// Used for the owner's "add person" welcome (a week to act on it); a
// password reset asked for by the user goes through better-auth itself.
import { generateId } from "better-auth";
import type { DatabaseOrTransaction } from "@/db";
import { verifications } from "@/db/schema";
import { RESET_PASSWORD_PAGE } from "@/lib/reset-password-page";

/** How long a link the user asked for works: better-auth's resetPasswordTokenExpiresIn. */
export const PASSWORD_RESET_LINK_SECONDS = 60 * 60;
/** How long the owner's welcome link works. */
export const WELCOME_LINK_SECONDS = 7 * 24 * 60 * 60;

/** Writes the token (in the caller's transaction) and answers the link, on `baseUrl` (the app's public origin). */
export async function createPasswordResetLink(
  db: DatabaseOrTransaction,
  options: { userId: string; baseUrl: string; expiresInSeconds: number; now?: Date },
): Promise<string> {
  const token = generateId(24);
  const now = options.now ?? new Date();
  await db.insert(verifications).values({
    identifier: `reset-password:${token}`,
    value: options.userId,
    expiresAt: new Date(now.getTime() + options.expiresInSeconds * 1000),
  });
  return `${options.baseUrl}/api/auth/reset-password/${token}?callbackURL=${encodeURIComponent(RESET_PASSWORD_PAGE)}`;
}
