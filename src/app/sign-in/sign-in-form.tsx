"use client";
// The sign-in form, with the way to a password reset.
import Link from "next/link";
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
      <Link href="/forgot-password" className="-mt-2 justify-self-start text-sm font-medium text-brand-700 underline">
        Forgot password?
      </Link>
      {error && <Notice tone="error">{error}</Notice>}
      <Button type="submit" pending={pending} pendingLabel="Signing in…">
        Sign in
      </Button>
    </form>
  );
}
