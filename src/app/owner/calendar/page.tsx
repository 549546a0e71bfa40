// Every coach's calendar for the owner: pick a coach (?coach=<id>, the first
// by name when absent), then the same week calendar the coach sees, with
// cancel and no-show.
import { EmptyState, PageHeader } from "@/components/ui/card";
import { calendarWeek, WeekCalendar, WeekNotShown } from "@/components/week-calendar";
import { listCoaches } from "@/server/coaches/list-coaches";
import { listSessions } from "@/server/sessions/list-sessions";
import { getViewer } from "@/server/viewer";
import { CoachPicker } from "./coach-picker";

export default async function OwnerCalendarPage({
  searchParams,
}: {
  searchParams: Promise<{ coach?: string | string[]; week?: string | string[] }>;
}) {
  const { actor, zone, db } = await getViewer("owner");
  const params = await searchParams;
  const now = new Date();
  const week = calendarWeek(params.week, zone, now);
  const coaches = await listCoaches({ db, actor });
  const coach = coaches.find((candidate) => candidate.id === params.coach) ?? coaches[0];

  if (!coach) {
    return (
      <>
        <PageHeader title="Calendars" />
        <EmptyState title="No coaches yet">Promote a member to coach on the People page; their calendar appears here.</EmptyState>
      </>
    );
  }

  if ("problem" in week) {
    return (
      <>
        <PageHeader title="Calendars" />
        <WeekNotShown problem={week.problem} href={`/owner/calendar?coach=${encodeURIComponent(coach.id)}`} />
      </>
    );
  }

  const sessions = await listSessions({ db, actor, input: { coachId: coach.id, from: week.from, to: week.to } });
  return (
    <>
      <PageHeader title="Calendars" description={`${coach.name}'s sessions. You may cancel a future session or mark a past one as a no-show.`} />
      <CoachPicker coaches={coaches.map(({ id, name }) => ({ id, name }))} selected={coach.id} week={week.monday} />
      <WeekCalendar
        week={week}
        sessions={sessions}
        zone={zone}
        now={now}
        coachZoneLabel={`${coach.name}'s zone`}
        coachZone={coach.timezone}
        hrefFor={(monday) => `/owner/calendar?coach=${encodeURIComponent(coach.id)}&week=${monday}`}
        classHref={(classId) => `/owner/classes/${classId}`}
      />
    </>
  );
}
