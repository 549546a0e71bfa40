"use client";
// The sign-in and sign-up forms' submit: stores the browser's zone (sign-up
// reads it for the new account's messages), posts to better-auth (which sets
// the session cookie), then lets the landing page send the user to their
// role's home; or turns the answer into a sentence a person can act on. The
// password is never kept.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { rememberBrowserTimeZone } from "@/lib/time-zone-cookie";

type AuthPath = "/api/auth/sign-in/email" | "/api/auth/sign-up/email";

export function useAuthForm(path: AuthPath, body: (form: FormData) => Record<string, unknown>) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const problem = await postAuthForm(path, body(form));
    if (problem) {
      setError(problem);
      setPending(false);
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return { pending, error, onSubmit };
}

async function postAuthForm(path: AuthPath, body: Record<string, unknown>): Promise<string | null> {
  try {
    // Before the request: a new account takes its zone from this cookie, and
    // the first page after signing in is already in the viewer's zone.
    rememberBrowserTimeZone();
    const response = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.ok) return null;
    if (response.status === 429) return tooManyAttempts(response);
    const answer = (await response.json().catch(() => ({}))) as { code?: string; message?: string; fields?: Record<string, string> };
    // The password rule and length limits name the field (auth.ts): say which and why.
    if (answer.fields) {
      return Object.entries(answer.fields)
        .map(([field, reason]) => `${field === "password" ? "Password" : field === "name" ? "Name" : "Email"}: ${reason}.`)
        .join(" ");
    }
    if (answer.code === "INVALID_EMAIL_OR_PASSWORD") return "Wrong email or password.";
    if (answer.code === "USER_ALREADY_EXISTS" || answer.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") {
      return "An account with this email already exists. Sign in instead.";
    }
    return answer.message ?? "That did not work. Check the form and try again.";
  } catch {
    return "Could not reach the server. Check your connection and try again.";
  }
}

/** A 429's answer as a sentence: how long to wait (its Retry-After). */
export function tooManyAttempts(response: Response): string {
  const seconds = Number(response.headers.get("retry-after"));
  const wait = seconds > 90 ? `${Math.ceil(seconds / 60)} minutes` : seconds > 0 ? `${seconds} seconds` : "a few minutes";
  return `Too many attempts. Wait ${wait} and try again.`;
}
