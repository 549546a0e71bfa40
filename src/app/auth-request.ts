// Posts a sign-in or sign-up form to better-auth (which sets the session
// cookie) and turns its answer into a sentence a person can act on.
import { rememberBrowserTimeZone } from "@/lib/time-zone-cookie";

export async function postAuthForm(path: "/api/auth/sign-in/email" | "/api/auth/sign-up/email", body: Record<string, unknown>): Promise<string | null> {
  try {
    const response = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.ok) {
      // The first page after signing in is already in the viewer's zone.
      rememberBrowserTimeZone();
      return null;
    }
    if (response.status === 429) return "Too many attempts. Wait a minute and try again.";
    const answer = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    if (answer.code === "INVALID_EMAIL_OR_PASSWORD") return "Wrong email or password.";
    if (answer.code === "USER_ALREADY_EXISTS" || answer.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") {
      return "An account with this email already exists. Sign in instead.";
    }
    return answer.message ?? "That did not work. Check the form and try again.";
  } catch {
    return "Could not reach the server. Check your connection and try again.";
  }
}
