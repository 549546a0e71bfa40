// Sign in with email and password; a signed-in visitor goes to their home.
import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "../auth-card";
import { redirectWhenSignedIn } from "@/server/viewer";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage() {
  await redirectWhenSignedIn();
  return (
    <AuthCard
      title="Sign in"
      footer={
        <>
          New here?{" "}
          <Link href="/sign-up" className="font-medium text-brand-700 underline">
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm />
    </AuthCard>
  );
}
