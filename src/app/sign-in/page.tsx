// Sign-in with email and password. Minimal until the web UI lands: it signs in
// through better-auth (which sets the session cookie) and says who you are.
import type { Metadata } from "next";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in · Coachbook" };

export default function SignInPage() {
  return (
    <main style={{ maxWidth: 360, margin: "4rem auto", padding: "0 1rem" }}>
      <h1>Sign in</h1>
      <SignInForm />
      <p>
        <a href="/">Back to Coachbook</a>
      </p>
    </main>
  );
}
