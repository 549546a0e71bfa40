// One coach's classes, for the coach (/coach/classes) and the owner
// (/owner/classes): the week's classes with their places, the weekly
// classes (with their standing places) and the forms to schedule both.
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import { Card } from "@/components/ui/card";
import { calendarWeek, WeekNotShown } from "@/components/week-calendar";
import { dateInZone, zoneName } from "@/lib/time-format";
import { listClassSeries } from "@/server/classes/list-class-series";
import { listClasses } from "@/server/classes/list-classes";
import { CancelClassSeriesButton } from "./cancel-class-series-button";
import { ClassForm } from "./class-form";
import { ClassSeriesForm } from "./class-series-form";
import { ManagedClassList } from "./managed-class-list";
import { seriesDates, seriesRule } from "./series-rule";
import { WeekNav, classCountLabel } from "./week-nav";

const SECTIONS = [
  ["week-heading", "This week's classes"],
  ["weekly-classes", "Weekly classes"],
  ["schedule", "Schedule"],
] as const;

export async function ManageClasses({
  db,
  actor,
  coach,
  zone,
  now,
  weekParam,
  weekHref,
  classesPath,
}: {
  db: DatabaseOrTransaction;
  actor: Actor;
  coach: { id: string; name: string; timezone: string };
  /** The viewer's zone. */
  zone: string;
  now: Date;
  weekParam: string | string[] | undefined;
  /** The page for another week (its Monday), keeping the page's other parameters. */
  weekHref: (monday: string | null) => string;
  /** Where a class's page lives: /coach/classes or /owner/classes. */
  classesPath: string;
}) {
  const classHref = (id: string) => `${classesPath}/${id}`;
  const week = calendarWeek(weekParam, zone, now);
  if ("problem" in week) return <WeekNotShown problem={week.problem} href={weekHref(null)} />;
  const [classes, series] = await Promise.all([
    listClasses({ db, actor, input: { from: week.from, to: week.to, coachId: coach.id } }),
    listClassSeries({ db, actor, input: { coachId: coach.id, status: "active" } }),
  ]);
  const coachZoneNote = coach.timezone !== zone ? ` (${zoneName(coach.timezone)})` : "";

  return (
    <>
      <nav aria-label="On this page" className="-mt-2 mb-5 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {SECTIONS.map(([id, label]) => (
          <a key={id} href={`#${id}`} className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
            {label}
          </a>
        ))}
      </nav>
      <div className="grid gap-6">
        <section aria-labelledby="week-heading">
          <WeekNav week={week} hrefFor={weekHref} summary={classCountLabel(classes)} />
          <ManagedClassList classes={classes} zone={zone} classHref={classHref} />
        </section>

        <Card>
          <h2 id="weekly-classes" className="scroll-mt-4 text-lg font-semibold text-slate-900">
            Weekly classes
          </h2>
          {series.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">No weekly class yet.</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-200" aria-label="Weekly classes">
              {series.map((item) => {
                const rule = `${seriesRule(item)}${coachZoneNote}`;
                return (
                  <li key={item.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                    <div className="min-w-0">
                      <p className="font-semibold text-slate-900">{item.title}</p>
                      <p className="text-sm text-slate-800">{rule}</p>
                      <p className="text-sm text-slate-600">
                        {item.capacity} places · {item.standingPlaces} standing {item.standingPlaces === 1 ? "place" : "places"} · {seriesDates(item)}
                      </p>
                    </div>
                    <CancelClassSeriesButton seriesId={item.id} summary={`${item.title}, ${rule}`} />
                  </li>
                );
              })}
            </ul>
          )}
        </Card>

        <Card className="grid gap-6">
          <h2 id="schedule" className="scroll-mt-4 text-lg font-semibold text-slate-900">
            Schedule
          </h2>
          <ClassForm coachId={coach.id} coachZone={coach.timezone} viewerZone={zone} classesPath={classesPath} />
          <hr className="border-slate-200" />
          <ClassSeriesForm coachId={coach.id} coachZone={coach.timezone} today={dateInZone(now, coach.timezone)} />
        </Card>
      </div>
    </>
  );
}
