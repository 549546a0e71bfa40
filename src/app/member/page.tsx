// The member's home: the next sessions, and the way to book.
import type { Metadata } from "next";
import Link from "next/link";
import { SessionList } from "@/components/session-list";
import { buttonClasses } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { listSessions } from "@/server/sessions/list-sessions";
import { getViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Home" };

export default async function MemberHomePage() {
  const { actor, db, zone } = await getViewer("member");
  const now = new Date();
  const upcoming = await listSessions({ db, actor, input: { from: now.toISOString(), status: "scheduled" }, now });
  const firstName = actor.name.split(" ")[0];
  return (
    <>
      <PageHeader
        title={`Hello, ${firstName}`}
        description="Your next sessions, and a coach to book."
        actions={
          <Link href="/member/coaches" className={buttonClasses("primary")}>
            Book a session
          </Link>
        }
      />
      <h2 className="mb-2 text-lg font-semibold">Coming up</h2>
      {upcoming.length ? (
        <SessionList sessions={upcoming.slice(0, 5)} zone={zone} now={now} />
      ) : (
        <EmptyState title="No sessions booked yet">
          <Link href="/member/coaches" className="font-medium text-brand-700 underline">
            Find a coach
          </Link>{" "}
          and book a time that suits you.
        </EmptyState>
      )}
      <div className="mt-6 grid gap-3 sm:grid-cols-2">
        <Card as="div">
          <h2 className="font-semibold">My sessions</h2>
          <p className="mt-1 text-sm text-slate-600">Everything booked, past and upcoming, with its status.</p>
          <Link href="/member/sessions" className="mt-2 inline-block text-sm font-medium text-brand-700 underline">
            See all sessions
          </Link>
        </Card>
        <Card as="div">
          <h2 className="font-semibold">Recurring bookings</h2>
          <p className="mt-1 text-sm text-slate-600">Your weekly slots: skip one date or stop the series.</p>
          <Link href="/member/recurring" className="mt-2 inline-block text-sm font-medium text-brand-700 underline">
            Manage recurring bookings
          </Link>
        </Card>
      </div>
    </>
  );
}
