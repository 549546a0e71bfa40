// Where a password-reset link lands once better-auth has checked its token:
// the page that asks for the new password (`?token=…`, or `?error=INVALID_TOKEN`).
export const RESET_PASSWORD_PAGE = "/reset-password";
