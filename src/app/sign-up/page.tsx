// Create a member account (every new account is a member; the owner
// promotes coaches).
import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "../auth-card";
import { redirectWhenSignedIn } from "@/server/viewer";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };
export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  await redirectWhenSignedIn();
  return (
    <AuthCard
      title="Create an account"
      footer={
        <>
          Already have one?{" "}
          <Link href="/sign-in" className="font-medium text-brand-700 underline">
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm />
    </AuthCard>
  );
}
