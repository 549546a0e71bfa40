"use client";
// The sign-in form: better-auth sets the session cookie, then the landing
// page sends the user to their role's home. The password is never kept.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Notice } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { postAuthForm } from "../auth-request";

export function SignInForm() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const problem = await postAuthForm("/api/auth/sign-in/email", { email: form.get("email"), password: form.get("password") });
    if (problem) {
      setError(problem);
      setPending(false);
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate={false}>
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      {error && <Notice tone="error">{error}</Notice>}
      <Button type="submit" pending={pending} pendingLabel="Signing in…">
        Sign in
      </Button>
    </form>
  );
}
