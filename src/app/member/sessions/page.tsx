// My sessions: upcoming (soonest first) or past (latest first), each with
// its status; upcoming scheduled ones can be cancelled.
import type { Metadata } from "next";
import Link from "next/link";
import { SessionList } from "@/components/session-list";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import { listSessions } from "@/server/sessions/list-sessions";
import { getViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "My sessions" };

const YEAR_MS = 365 * 86_400_000;

export default async function MySessionsPage({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  const { actor, db, zone } = await getViewer("member");
  const past = (await searchParams).view === "past";
  const now = new Date();
  const range = past
    ? { from: new Date(now.getTime() - YEAR_MS).toISOString(), to: now.toISOString() }
    : { from: now.toISOString(), to: new Date(now.getTime() + YEAR_MS).toISOString() };
  const sessions = await listSessions({ db, actor, input: range, now });
  if (past) sessions.reverse();

  const tab = (active: boolean) =>
    cn(
      "inline-flex min-h-11 items-center rounded-lg px-4 text-sm font-medium",
      active ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
    );
  return (
    <>
      <PageHeader title="My sessions" />
      <nav aria-label="Which sessions" className="mb-4 flex gap-2">
        <Link href="/member/sessions" className={tab(!past)} aria-current={!past ? "page" : undefined}>
          Upcoming
        </Link>
        <Link href="/member/sessions?view=past" className={tab(past)} aria-current={past ? "page" : undefined}>
          Past
        </Link>
      </nav>
      {sessions.length ? (
        <SessionList sessions={sessions} zone={zone} now={now} />
      ) : (
        <EmptyState title={past ? "No past sessions in the last year" : "Nothing booked ahead"}>
          {!past && (
            <Link href="/member/coaches" className="font-medium text-brand-700 underline">
              Book a session
            </Link>
          )}
        </EmptyState>
      )}
    </>
  );
}
