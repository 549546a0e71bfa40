// Find a coach: every coach with their zone and usual session length.
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { zoneName } from "@/lib/time-format";
import { listCoaches } from "@/server/coaches/list-coaches";
import { getViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Book a session" };

export default async function CoachesPage() {
  const { actor, db, zone } = await getViewer("member");
  const coaches = await listCoaches({ db, actor });
  return (
    <>
      <PageHeader title="Book a session" description="Choose a coach to see when they are free." />
      {coaches.length === 0 ? (
        <EmptyState title="No coaches yet">The studio has not added any coach.</EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {coaches.map((coach) => (
            <Card as="li" key={coach.id} className="flex flex-col gap-3">
              <div>
                <h2 className="text-lg font-semibold">{coach.name}</h2>
                <p className="text-sm text-slate-600">
                  {coach.defaultDuration}-minute sessions
                  {coach.timezone !== zone && <> · works on {zoneName(coach.timezone)}</>}
                </p>
              </div>
              <Link
                href={`/member/coaches/${coach.id}`}
                className={buttonClasses("primary")}
                aria-label={`See free times of ${coach.name}`}
              >
                See free times
              </Link>
            </Card>
          ))}
        </ul>
      )}
    </>
  );
}
