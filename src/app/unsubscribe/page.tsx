// The unsubscribe link of a reminder or a digest: says what it turns off and
// asks to confirm (a link scanner that follows it changes nothing); the
// button posts to /api/unsubscribe, as a mail provider's one click does.
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { getDatabase } from "@/db";
import { isAppError } from "@/domain/errors";
import { describeUnsubscribe } from "@/server/me/unsubscribe";

export const metadata: Metadata = { title: "Unsubscribe" };
export const dynamic = "force-dynamic";

const what = { reminder: "session reminders", owner_digest: "the daily digest" } as const;

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string; done?: string }> }) {
  const { token, done } = await searchParams;
  let body;
  if (done === "reminder" || done === "owner_digest") {
    body = (
      <>
        <h1 className="text-2xl font-semibold">Unsubscribed</h1>
        <p className="mt-2 text-slate-700">You will no longer receive {what[done]}. You can turn them back on from your account page.</p>
      </>
    );
  } else {
    const { db } = await getDatabase();
    const found = await describeUnsubscribe(db, token).catch((error: unknown) => {
      if (isAppError(error)) return null;
      throw error;
    });
    body = found ? (
      <>
        <h1 className="text-2xl font-semibold">Stop {what[found.kind]}?</h1>
        <p className="mt-2 text-slate-700">
          {found.name}, confirm and you will no longer receive {what[found.kind]} by e-mail. Booking confirmations and cancellations still reach you.
        </p>
        <form method="post" action={`/api/unsubscribe?from=page&token=${encodeURIComponent(token ?? "")}`} className="mt-6">
          <button type="submit" className={buttonClasses("primary")}>
            Unsubscribe
          </button>
        </form>
      </>
    ) : (
      <>
        <h1 className="text-2xl font-semibold">This link is not valid</h1>
        <p className="mt-2 text-slate-700">Copy the whole link from the e-mail, or change your e-mail settings on your account page.</p>
      </>
    );
  }
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-5 py-12">
      {body}
      <Link href="/account" className="mt-6 text-sm underline">
        Your account
      </Link>
    </main>
  );
}
