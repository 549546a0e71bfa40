"use client";
// The sign-in form.
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { useAuthForm } from "../use-auth-form";

export function SignInForm() {
  const { pending, error, onSubmit } = useAuthForm("/api/auth/sign-in/email", (form) => ({
    email: form.get("email"),
    password: form.get("password"),
  }));
  return (
    <form onSubmit={onSubmit} className="grid gap-4">
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      {error && <Notice tone="error">{error}</Notice>}
      <Button type="submit" pending={pending} pendingLabel="Signing in…">
        Sign in
      </Button>
    </form>
  );
}
