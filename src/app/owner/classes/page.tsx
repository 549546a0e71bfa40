// Every coach's classes for the owner: pick a coach (?coach=<id>, the first
// by name when absent), then the same page the coach has: the week's
// classes, the weekly classes, and scheduling for that coach.
import type { Metadata } from "next";
import { CoachChoice } from "@/components/classes/coach-choice";
import { ManageClasses } from "@/components/classes/manage-classes";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { weekParam } from "@/components/week-calendar";
import { listCoaches } from "@/server/coaches/list-coaches";
import { getViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Classes" };

export default async function OwnerClassesPage({
  searchParams,
}: {
  searchParams: Promise<{ coach?: string | string[]; week?: string | string[] }>;
}) {
  const { actor, zone, db } = await getViewer("owner");
  const params = await searchParams;
  const now = new Date();
  const coaches = await listCoaches({ db, actor });
  const coach = coaches.find((candidate) => candidate.id === params.coach) ?? coaches[0];

  if (!coach) {
    return (
      <>
        <PageHeader title="Classes" />
        <EmptyState title="No coaches yet">Promote a member to coach on the People page; their classes appear here.</EmptyState>
      </>
    );
  }
  const week = weekParam(params.week);
  const coachParam = `coach=${encodeURIComponent(coach.id)}`;
  return (
    <>
      <PageHeader title="Classes" description={`${coach.name}'s group classes: places, waitlists and scheduling.`} />
      <CoachChoice coaches={coaches.map(({ id, name }) => ({ id, name }))} selected={coach.id} week={"monday" in week && week.monday ? week.monday : null} />
      <ManageClasses
        db={db}
        actor={actor}
        coach={{ id: coach.id, name: coach.name, timezone: coach.timezone }}
        zone={zone}
        now={now}
        weekParam={params.week}
        weekHref={(monday) => `/owner/classes?${coachParam}${monday ? `&week=${monday}` : ""}`}
        classesPath="/owner/classes"
      />
    </>
  );
}
