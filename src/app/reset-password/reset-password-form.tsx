"use client";
// The new password, twice, posted with the link's token to better-auth's
// POST /api/auth/reset-password: the password rule's reason appears under
// the field (auth.ts), a spent or expired token says to ask again. Setting it
// signs the account out everywhere; then the person signs in.
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { MIN_PASSWORD_LENGTH } from "@/domain/limits";

interface AuthAnswer {
  code?: string;
  message?: string;
  fields?: Record<string, string>;
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [pending, setPending] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get("newPassword") ?? "");
    const confirm = String(form.get("confirmPassword") ?? "");
    setFields({});
    setError(null);
    if (!newPassword) return setFields({ newPassword: "Enter a new password" });
    if (confirm !== newPassword) return setFields({ confirmPassword: "Does not match the new password" });
    setPending(true);
    try {
      const response = await fetch("/api/auth/reset-password", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ newPassword, token }),
      });
      if (response.ok) return setDone(true);
      const answer = (await response.json().catch(() => ({}))) as AuthAnswer;
      if (answer.fields) setFields(answer.fields);
      else if (answer.code === "INVALID_TOKEN" || answer.code === "USER_NOT_FOUND") setExpired(true);
      else setError(answer.message ?? "That did not work. Try again.");
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  if (done) {
    return (
      <Notice tone="success">
        Your password is set. Every other session was signed out.{" "}
        <Link href="/sign-in" className="font-medium underline">
          Sign in
        </Link>{" "}
        with it now.
      </Notice>
    );
  }
  if (expired) {
    return (
      <Notice tone="error">
        This link does not work any more: it has expired or was already used.{" "}
        <Link href="/forgot-password" className="font-medium underline">
          Ask for a new link
        </Link>
        .
      </Notice>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters, and not a common password.`}
        error={fields.newPassword}
      />
      <TextField
        label="Confirm new password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={fields.confirmPassword}
      />
      {error && <Notice tone="error">{error}</Notice>}
      <Button type="submit" pending={pending} pendingLabel="Saving…">
        Set new password
      </Button>
    </form>
  );
}
