"use client";
// The sign-up form: better-auth creates a member and signs them in.
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/domain/limits";
import { useAuthForm } from "../use-auth-form";

export function SignUpForm() {
  const { pending, error, onSubmit } = useAuthForm("/api/auth/sign-up/email", (form) => ({
    name: String(form.get("name") ?? "").trim(),
    email: form.get("email"),
    password: form.get("password"),
  }));
  return (
    <form onSubmit={onSubmit} className="grid gap-4">
      <TextField label="Your name" name="name" autoComplete="name" required maxLength={MAX_NAME_LENGTH} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required maxLength={MAX_EMAIL_LENGTH} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        maxLength={MAX_PASSWORD_LENGTH}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters, and not a common password.`}
      />
      {error && <Notice tone="error">{error}</Notice>}
      <Button type="submit" pending={pending} pendingLabel="Creating your account…">
        Create account
      </Button>
    </form>
  );
}
