"use client";
// Any page that fails to render (the database is down, say) shows this
// instead of a blank screen or a stack trace, with a way to try again.
import { Button } from "@/components/ui/button";

export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col justify-center px-5 py-12">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-700">
        We could not load this page. It is usually a short outage; nothing you did was lost.
      </p>
      <Button className="mt-6 self-start" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}
