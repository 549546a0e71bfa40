// The class timetable: every class of the week (?week=YYYY-MM-DD, any day
// of it), day by day in the viewer's zone, with the places left and one tap
// to enrol or join the waitlist.
import type { Metadata } from "next";
import { ClassCard } from "@/components/classes/class-card";
import { MemberClassTabs } from "@/components/classes/member-class-tabs";
import { WeekNav, classCountLabel } from "@/components/classes/week-nav";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { calendarWeek, WeekNotShown } from "@/components/week-calendar";
import { dateInZone, formatCalendarDate } from "@/lib/time-format";
import type { ClassView } from "@/server/classes/class-view";
import { listClasses } from "@/server/classes/list-classes";
import { getViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Classes" };

export default async function ClassTimetablePage({ searchParams }: { searchParams: Promise<{ week?: string | string[] }> }) {
  const { actor, db, zone } = await getViewer("member");
  const now = new Date();
  const week = calendarWeek((await searchParams).week, zone, now);
  const header = (
    <>
      <PageHeader title="Classes" description="Group classes week by week. Take a place, or join the waitlist when a class is full." />
      <MemberClassTabs current="/member/classes" />
    </>
  );
  if ("problem" in week) {
    return (
      <>
        {header}
        <WeekNotShown problem={week.problem} href="/member/classes" />
      </>
    );
  }
  const classes = await listClasses({ db, actor, input: { from: week.from, to: week.to } });
  const days = new Map<string, ClassView[]>();
  for (const view of classes) {
    const day = dateInZone(view.startsAt, zone);
    days.set(day, [...(days.get(day) ?? []), view]);
  }

  return (
    <>
      {header}
      <section aria-labelledby="week-heading">
        <WeekNav week={week} hrefFor={(monday) => `/member/classes?week=${monday}`} summary={classCountLabel(classes)} />
        {classes.length === 0 ? (
          <EmptyState title="No classes this week">Try the next week.</EmptyState>
        ) : (
          <div className="grid gap-5">
            {[...days].map(([day, dayClasses]) => (
              <section key={day} aria-labelledby={`day-${day}`}>
                <h3 id={`day-${day}`} className="mb-2 text-sm font-semibold text-slate-700">
                  {formatCalendarDate(day)}
                </h3>
                <ul className="grid gap-3" aria-labelledby={`day-${day}`}>
                  {dayClasses.map((view) => (
                    <ClassCard key={view.id} view={view} zone={zone} now={now} headingLevel={4} />
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </section>
    </>
  );
}
