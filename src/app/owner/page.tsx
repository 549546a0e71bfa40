// The owner's home: this week's and last week's figures (sessions held,
// cancelled, no-shows, utilisation of availability, overall and per coach;
// classes' fill and attendance), the latest generation run, and the way to
// people and generation.
import type { Metadata } from "next";
import Link from "next/link";
import { RunCounts, RunStatusBadge, RunSummary } from "@/components/owner/generation-runs";
import { ClassFiguresSection, CoachFiguresTable, WeekCard } from "@/components/owner/week-figures";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { zoneName } from "@/lib/time-format";
import { weeklyFigures } from "@/server/reports/weekly-figures";
import { listGenerationRuns } from "@/server/sessions/list-generation-runs";
import { getViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Overview" };

const linkClasses = "mt-2 inline-block text-sm font-medium text-brand-700 underline";

export default async function OwnerHomePage() {
  const { actor, db, zone } = await getViewer("owner");
  const [figures, [latestRun]] = await Promise.all([
    weeklyFigures({ db, actor }),
    listGenerationRuns({ db, actor, input: { limit: 1 } }),
  ]);
  return (
    <>
      <PageHeader
        title="Overview"
        description={`This week and last, Monday to Sunday in ${zoneName(figures.timeZone)} (the business's time zone). Utilisation is the time booked over the time coaches made available; a class is booked time once someone holds a place in it.`}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <WeekCard title="This week" week={figures.thisWeek} upcoming />
        <WeekCard title="Last week" week={figures.lastWeek} upcoming={false} />
      </div>

      <section aria-labelledby="coaches-heading" className="mt-8">
        <h2 id="coaches-heading" className="mb-2 text-lg font-semibold">
          By coach
        </h2>
        {figures.thisWeek.coaches.length ? (
          <CoachFiguresTable thisWeek={figures.thisWeek} lastWeek={figures.lastWeek} />
        ) : (
          <EmptyState title="No coach yet">
            <Link href="/owner/people" className="font-medium text-brand-700 underline">
              Make a member a coach
            </Link>{" "}
            to start taking bookings.
          </EmptyState>
        )}
      </section>

      <section aria-labelledby="classes-heading" className="mt-8">
        <h2 id="classes-heading" className="mb-2 text-lg font-semibold">
          Classes
        </h2>
        <ClassFiguresSection thisWeek={figures.thisWeek} lastWeek={figures.lastWeek} zone={figures.timeZone} />
      </section>

      <div className="mt-8 grid gap-4 sm:grid-cols-2">
        <Card as="section">
          <h2 className="font-semibold">Latest generation run</h2>
          {latestRun ? (
            <div className="mt-2 grid gap-1.5" data-testid="latest-run">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <RunSummary run={latestRun} zone={zone} />
                <RunStatusBadge status={latestRun.status} />
              </div>
              <RunCounts run={latestRun} />
            </div>
          ) : (
            <p className="mt-1 text-sm text-slate-600">No run yet: sessions are generated every night at 02:00.</p>
          )}
          <Link href="/owner/generation" className={linkClasses}>
            Generate sessions
          </Link>
        </Card>
        <Card as="section">
          <h2 className="font-semibold">People</h2>
          <p className="mt-1 text-sm text-slate-600">Make a member a coach, or set the time zone of a coach&apos;s weekly hours.</p>
          <Link href="/owner/people" className={linkClasses}>
            Manage people
          </Link>
        </Card>
      </div>
    </>
  );
}
