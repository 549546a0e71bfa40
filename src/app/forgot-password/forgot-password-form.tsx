"use client";
// The e-mail address to send a reset link to. better-auth answers the same
// for an unknown address, and so does this form: no hint whether an account
// exists. The link leads to /reset-password (better-auth checks the token first).
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { RESET_PASSWORD_PAGE } from "@/lib/reset-password-page";
import { tooManyAttempts } from "../use-auth-form";

export function ForgotPasswordForm() {
  const [pending, setPending] = useState(false);
  const [emailError, setEmailError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    setEmailError(undefined);
    setError(null);
    setSent(false);
    if (!email) {
      setEmailError("Enter the e-mail address of your account");
      return;
    }
    setPending(true);
    try {
      const response = await fetch("/api/auth/request-password-reset", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, redirectTo: RESET_PASSWORD_PAGE }),
      });
      if (response.ok) setSent(true);
      else if (response.status === 429) setError(tooManyAttempts(response));
      else if (response.status === 400) setEmailError("Not a valid e-mail address");
      else setError("That did not work. Try again in a moment.");
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <p className="text-sm text-slate-600">Enter the e-mail address of your account: we will send you a link to choose a new password.</p>
      <TextField label="E-mail" name="email" type="email" autoComplete="email" required error={emailError} />
      {error && <Notice tone="error">{error}</Notice>}
      {sent && (
        <Notice tone="success">
          If an account exists for that address, we sent a link to it. It works for one hour; check your spam folder if it
          does not arrive.
        </Notice>
      )}
      <Button type="submit" pending={pending} pendingLabel="Sending…">
        Send reset link
      </Button>
    </form>
  );
}
