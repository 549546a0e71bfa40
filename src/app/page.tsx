// The landing page: a signed-in user goes straight to their role's home;
// everyone else sees what Coachbook is and how to get in.
import Link from "next/link";
import { redirect } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { currentActor } from "@/server/viewer";
import { ROLE_HOME } from "@/lib/navigation";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const actor = await currentActor();
  if (actor) redirect(ROLE_HOME[actor.role]);
  return (
    <main className="mx-auto flex min-h-dvh max-w-2xl flex-col justify-center px-5 py-12">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Coachbook</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight sm:text-4xl">Book your coach in a few taps.</h1>
      <p className="mt-4 text-slate-700">
        Coaches publish when they are free; members book one session or the same slot every week; the studio sees
        every calendar in one place. Times are always shown in your own time zone.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link href="/sign-in" className={buttonClasses("primary")}>
          Sign in
        </Link>
        <Link href="/sign-up" className={buttonClasses("secondary")}>
          Create an account
        </Link>
      </div>
      <p className="mt-10 text-xs text-slate-500">
        API clients: <code>POST /api/auth/sign-in/email</code>, then <code>/api/v1</code> with a bearer token (
        <a className="underline" href="/api/v1/openapi.json">
          OpenAPI
        </a>
        ). Status: <a className="underline" href="/api/health">/api/health</a>.
      </p>
    </main>
  );
}
