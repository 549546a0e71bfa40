"use client";
// Changes the password through better-auth from the browser, so its answer
// can replace the session cookie: every other session is signed out (the
// server forces it). The password rule's reason appears under the field.
import { useState, type FormEvent } from "react";
import { MIN_PASSWORD_LENGTH } from "@/domain/limits";
import { Button } from "../ui/button";
import { Notice } from "../ui/card";
import { TextField } from "../ui/field";

interface AuthAnswer {
  code?: string;
  message?: string;
  fields?: Record<string, string>;
}

export function ChangePasswordForm() {
  const [pending, setPending] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    setFields({});
    setError(null);
    setDone(false);
    try {
      const response = await fetch("/api/auth/change-password", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          currentPassword: form.get("currentPassword"),
          newPassword: form.get("newPassword"),
          revokeOtherSessions: true,
        }),
      });
      if (response.ok) {
        formElement.reset();
        setDone(true);
        return;
      }
      const answer = (await response.json().catch(() => ({}))) as AuthAnswer;
      if (answer.fields) setFields(answer.fields);
      else if (answer.code === "INVALID_PASSWORD") setFields({ currentPassword: "Not your current password" });
      else setError(answer.message ?? "That did not work. Try again.");
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="grid max-w-md gap-4">
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={fields.currentPassword}
      />
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
      {error && <Notice tone="error">{error}</Notice>}
      {done && <Notice tone="success">Password changed. Every other session is signed out.</Notice>}
      <Button type="submit" pending={pending} pendingLabel="Changing…" className="justify-self-start">
        Change password
      </Button>
    </form>
  );
}
