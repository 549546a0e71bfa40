// Choose a new password from a reset (or welcome) link. better-auth's
// GET /api/auth/reset-password/<token> checks the token and sends the browser
// here with `?token=…`, or with `?error=INVALID_TOKEN` when it is unknown,
// used or expired. Public: the token is the credential.
import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/ui/card";
import { AuthCard } from "../auth-card";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const token = typeof query.token === "string" ? query.token : "";
  const failed = query.error !== undefined || token === "";
  return (
    <AuthCard
      title="Choose a new password"
      footer={
        <Link href="/sign-in" className="font-medium text-brand-700 underline">
          Back to sign in
        </Link>
      }
    >
      {failed ? <InvalidLink missing={query.error === undefined} /> : <ResetPasswordForm token={token} />}
    </AuthCard>
  );
}

function InvalidLink({ missing }: { missing: boolean }) {
  return (
    <div className="grid gap-4">
      <Notice tone="error">
        {missing
          ? "This page needs the link from your e-mail."
          : "This link does not work any more: it has expired or was already used."}
      </Notice>
      <p className="text-sm text-slate-600">
        <Link href="/forgot-password" className="font-medium text-brand-700 underline">
          Ask for a new link
        </Link>{" "}
        and use the newest e-mail.
      </p>
    </div>
  );
}
