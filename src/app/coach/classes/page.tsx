// The coach's classes: the week's classes (?week=YYYY-MM-DD) with their
// places and waitlists, the weekly classes, and the forms to schedule both.
import type { Metadata } from "next";
import { ManageClasses } from "@/components/classes/manage-classes";
import { PageHeader } from "@/components/ui/card";
import { listCoaches } from "@/server/coaches/list-coaches";
import { getViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Classes" };

export default async function CoachClassesPage({ searchParams }: { searchParams: Promise<{ week?: string | string[] }> }) {
  const { actor, zone, db } = await getViewer("coach");
  const now = new Date();
  const coaches = await listCoaches({ db, actor });
  const self = coaches.find((coach) => coach.id === actor.id);
  const coach = { id: actor.id, name: actor.name, timezone: self?.timezone ?? zone };
  return (
    <>
      <PageHeader title="Classes" description="Your group classes: who has a place, who waits, and scheduling new ones." />
      <ManageClasses
        db={db}
        actor={actor}
        coach={coach}
        zone={zone}
        now={now}
        weekParam={(await searchParams).week}
        weekHref={(monday) => (monday ? `/coach/classes?week=${monday}` : "/coach/classes")}
        classesPath="/coach/classes"
      />
    </>
  );
}
