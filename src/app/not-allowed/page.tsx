// Where a signed-in user lands when they open another role's page: says so,
// shows nothing of that page, and links to their own home.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { currentActor } from "@/server/viewer";
import { ROLE_HOME } from "@/lib/navigation";

export const metadata: Metadata = { title: "Not allowed" };
export const dynamic = "force-dynamic";

export default async function NotAllowedPage() {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-5 py-12">
      <h1 className="text-2xl font-semibold">This page is not for your account</h1>
      <p className="mt-2 text-slate-700">
        You are signed in as {actor.name} ({actor.role}). That page belongs to another role, so there is nothing to show
        you there.
      </p>
      <Link href={ROLE_HOME[actor.role]} className={`${buttonClasses("primary")} mt-6 self-start`}>
        Go to your home
      </Link>
    </main>
  );
}
