"use client";
// The sign-up form: better-auth creates a member and signs them in.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Notice } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { postAuthForm } from "../auth-request";

const MIN_PASSWORD = 8;

export function SignUpForm() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const problem = await postAuthForm("/api/auth/sign-up/email", {
      name: String(form.get("name") ?? "").trim(),
      email: form.get("email"),
      password: form.get("password"),
    });
    if (problem) {
      setError(problem);
      setPending(false);
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4">
      <TextField label="Your name" name="name" autoComplete="name" required maxLength={100} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD}
        hint={`At least ${MIN_PASSWORD} characters.`}
      />
      {error && <Notice tone="error">{error}</Notice>}
      <Button type="submit" pending={pending} pendingLabel="Creating your account…">
        Create account
      </Button>
    </form>
  );
}
