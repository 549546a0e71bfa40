// Create a member account (every new account is a member; the owner
// promotes coaches).
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "../auth-card";
import { currentActor, ROLE_HOME } from "../viewer";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };
export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  const actor = await currentActor();
  if (actor) redirect(ROLE_HOME[actor.role]);
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
