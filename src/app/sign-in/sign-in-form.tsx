"use client";
// The sign-in form: posts to better-auth's /api/auth/sign-in/email, which sets
// the session cookie. Never keeps the password after the request.
import { useState, type FormEvent } from "react";

type State =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "signed-in"; name: string; role: string }
  | { kind: "error"; message: string };

export function SignInForm() {
  const [state, setState] = useState<State>({ kind: "idle" });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setState({ kind: "busy" });
    try {
      const response = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      const body = (await response.json().catch(() => ({}))) as {
        user?: { name: string; role: string };
        message?: string;
      };
      if (response.ok && body.user) setState({ kind: "signed-in", name: body.user.name, role: body.user.role });
      else if (response.status === 429) setState({ kind: "error", message: "Too many attempts. Wait a minute and try again." });
      else setState({ kind: "error", message: body.message ?? "Wrong email or password." });
    } catch {
      setState({ kind: "error", message: "Could not reach the server." });
    }
  }

  if (state.kind === "signed-in") {
    return (
      <p role="status">
        Signed in as {state.name} ({state.role}).
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} style={{ display: "grid", gap: "0.75rem" }}>
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required style={{ display: "block", width: "100%" }} />
      </label>
      <label>
        Password
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          style={{ display: "block", width: "100%" }}
        />
      </label>
      <button type="submit" disabled={state.kind === "busy"}>
        {state.kind === "busy" ? "Signing in…" : "Sign in"}
      </button>
      {state.kind === "error" && <p role="alert">{state.message}</p>}
    </form>
  );
}
