// The coach's home: their week of sessions (?week=YYYY-MM-DD, any day of
// the week), with cancel and no-show on each session that allows it.
import { PageHeader } from "@/components/ui/card";
import { calendarWeek, WeekCalendar, WeekNotShown } from "@/components/week-calendar";
import { listCoaches } from "@/server/coaches/list-coaches";
import { listSessions } from "@/server/sessions/list-sessions";
import { getViewer } from "@/server/viewer";

export default async function CoachCalendarPage({ searchParams }: { searchParams: Promise<{ week?: string | string[] }> }) {
  const { actor, zone, db } = await getViewer("coach");
  const now = new Date();
  const week = calendarWeek((await searchParams).week, zone, now);
  const header = <PageHeader title="Your calendar" description="Your sessions week by week. Cancel a future session or mark a past one as a no-show." />;
  if ("problem" in week) {
    return (
      <>
        {header}
        <WeekNotShown problem={week.problem} href="/coach" />
      </>
    );
  }
  const [sessions, coaches] = await Promise.all([
    listSessions({ db, actor, input: { coachId: actor.id, from: week.from, to: week.to } }),
    listCoaches({ db, actor }),
  ]);
  const coachZone = coaches.find((coach) => coach.id === actor.id)?.timezone ?? zone;

  return (
    <>
      {header}
      <WeekCalendar
        week={week}
        sessions={sessions}
        zone={zone}
        now={now}
        coachZoneLabel="your zone"
        coachZone={coachZone}
        hrefFor={(monday) => `/coach?week=${monday}`}
        classHref={(classId) => `/coach/classes/${classId}`}
      />
    </>
  );
}
