// The owner's weekly figures: one card per week (utilisation with its bar,
// sessions held, cancelled, no-shows), a table of each coach's utilisation
// this week and last, and each week's classes with their fill and
// attendance. Numbers come from the weekly-figures use case; this only
// writes them for people.
import type { ClassFigures, ClassTotals, CoachFigures, Figures, WeekFigures } from "@/server/reports/weekly-figures";
import { formatCalendarDate, formatDay, formatTime, zoneName } from "@/lib/time-format";
import { cn } from "@/lib/cn";
import { Card } from "../ui/card";

/** "0 min", "45 min", "3 h", "12 h 30 min". */
export function formatMinutes(minutes: number): string {
  const rounded = Math.round(minutes);
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "38%", or "—" when nothing was available. */
export function formatUtilisation(utilisation: number | null): string {
  return utilisation === null ? "—" : `${Math.round(utilisation * 100)}%`;
}

export function weekLabel(week: WeekFigures): string {
  return `${formatCalendarDate(week.monday, "short")} – ${formatCalendarDate(week.sunday, "short")}`;
}

function UtilisationBar({ utilisation, label }: { utilisation: number | null; label: string }) {
  const percent = utilisation === null ? 0 : Math.min(100, Math.round(utilisation * 100));
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={formatUtilisation(utilisation)}
      className="h-2.5 overflow-hidden rounded-full bg-slate-200"
    >
      {/* An SVG width, not a style attribute: the CSP allows no inline styles. */}
      <svg className="block h-full w-full" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">
        <rect width={percent} height="1" className="fill-brand-600" />
      </svg>
    </div>
  );
}

export function WeekCard({ title, week, upcoming }: { title: string; week: WeekFigures; upcoming: boolean }) {
  const counts = [
    ["Held", week.held],
    ["Cancelled", week.cancelled],
    ["No-shows", week.noShows],
  ] as const;
  const headingId = `figures-${title.toLowerCase().replaceAll(" ", "-")}`;
  return (
    <section aria-labelledby={headingId}>
      <Card className="grid h-full content-start gap-4" as="div">
        <div>
          <h2 id={headingId} className="text-lg font-semibold">
            {title}
          </h2>
          <p className="text-sm text-slate-600">{weekLabel(week)}</p>
        </div>
        <div className="grid gap-2">
          <div className="flex items-baseline justify-between gap-2">
            <span className="text-sm font-medium text-slate-800">Utilisation</span>
            <span className="text-2xl font-semibold tabular-nums text-slate-900">{formatUtilisation(week.utilisation)}</span>
          </div>
          <UtilisationBar utilisation={week.utilisation} label={`${title}: utilisation of availability`} />
          <p className="text-sm text-slate-600">
            {week.availableMinutes > 0
              ? `${formatMinutes(week.bookedMinutes)} booked of ${formatMinutes(week.availableMinutes)} available`
              : "No availability in this week"}
          </p>
        </div>
        <dl className="grid grid-cols-3 gap-2">
          {counts.map(([label, value]) => (
            <div key={label} className="rounded-lg bg-slate-50 px-3 py-2">
              <dt className="text-xs font-medium text-slate-600">{label}</dt>
              <dd className={cn("text-xl font-semibold tabular-nums", label === "No-shows" && value > 0 ? "text-amber-800" : "text-slate-900")}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
        {week.scheduled > 0 && (
          <p className="text-sm text-slate-600">
            {week.scheduled} {week.scheduled === 1 ? "session" : "sessions"} {upcoming ? "still to come" : "not yet marked completed"}
          </p>
        )}
      </Card>
    </section>
  );
}

function CoachCell({ figures }: { figures: Figures | undefined }) {
  if (!figures) return <span className="text-slate-500">—</span>;
  const counts = [
    [figures.held, "held"],
    [figures.cancelled, "cancelled"],
    [figures.noShows, figures.noShows === 1 ? "no-show" : "no-shows"],
  ].filter(([count]) => Number(count) > 0);
  return (
    <div className="grid gap-0.5">
      <span className="font-semibold tabular-nums text-slate-900">{formatUtilisation(figures.utilisation)}</span>
      <span className="text-xs text-slate-600">
        {figures.availableMinutes > 0
          ? `${formatMinutes(figures.bookedMinutes)} of ${formatMinutes(figures.availableMinutes)}`
          : "no availability"}
      </span>
      {counts.length > 0 && <span className="text-xs text-slate-600">{counts.map(([count, label]) => `${count} ${label}`).join(" · ")}</span>}
    </div>
  );
}

/** Each coach's utilisation this week and last (a coach in either week gets a row). */
export function CoachFiguresTable({ thisWeek, lastWeek }: { thisWeek: WeekFigures; lastWeek: WeekFigures }) {
  const rows = new Map<string, { coach: CoachFigures; thisWeek?: CoachFigures; lastWeek?: CoachFigures }>();
  for (const coach of lastWeek.coaches) rows.set(coach.coachId, { coach, lastWeek: coach });
  for (const coach of thisWeek.coaches) rows.set(coach.coachId, { ...rows.get(coach.coachId), coach, thisWeek: coach });
  const sorted = [...rows.values()].sort((a, b) => a.coach.name.localeCompare(b.coach.name));
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Utilisation of availability per coach, this week and last week</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Coach</th>
            <th scope="col" className="px-4 py-2 font-medium">This week</th>
            <th scope="col" className="px-4 py-2 font-medium">Last week</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {sorted.map((row) => (
            <tr key={row.coach.coachId} className="align-top">
              <th scope="row" className="px-4 py-3 font-normal">
                <span className="block font-medium text-slate-900">{row.coach.name}</span>
                <span className="block text-xs text-slate-600">{zoneName(row.coach.timezone)}</span>
              </th>
              <td className="px-4 py-3">
                <CoachCell figures={row.thisWeek} />
              </td>
              <td className="px-4 py-3">
                <CoachCell figures={row.lastWeek} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "75%", or "—" when there is nothing to divide (no capacity, no attendance marked). */
export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

function attendance(figures: Pick<ClassTotals, "attended" | "noShow" | "attendanceRate">, notMarked = "Not marked yet"): string {
  const marked = figures.attended + figures.noShow;
  return marked === 0 ? notMarked : `${formatRate(figures.attendanceRate)} (${figures.attended} of ${marked} came)`;
}

function ClassTable({ title, classes, zone }: { title: string; classes: ClassFigures[]; zone: string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Classes {title.toLowerCase()}: places held and attendance</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Class</th>
            <th scope="col" className="px-4 py-2 font-medium">Coach</th>
            <th scope="col" className="px-4 py-2 font-medium">Places held</th>
            <th scope="col" className="px-4 py-2 font-medium">Attendance</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {classes.map((one) => (
            <tr key={one.id} className="align-top">
              <th scope="row" className="px-4 py-3 font-normal">
                <span className="block font-medium text-slate-900">{one.title}</span>
                <span className="block text-xs text-slate-600">
                  {formatDay(one.startsAt, zone)}, {formatTime(one.startsAt, zone)}
                </span>
              </th>
              <td className="px-4 py-3 text-slate-800">{one.coach.name}</td>
              <td className="px-4 py-3">
                <span className="block font-semibold tabular-nums text-slate-900">{formatRate(one.fillRate)}</span>
                <span className="block text-xs text-slate-600">
                  {one.held} of {one.capacity}
                </span>
              </td>
              <td className="px-4 py-3 text-slate-800">{attendance(one)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each week's classes (cancelled ones aside): fill rate and attendance rate, per class and together. Times in the business zone. */
export function ClassFiguresSection({ thisWeek, lastWeek, zone }: { thisWeek: WeekFigures; lastWeek: WeekFigures; zone: string }) {
  const weeks = [
    ["This week", thisWeek],
    ["Last week", lastWeek],
  ] as const;
  if (thisWeek.classes.length === 0 && lastWeek.classes.length === 0) {
    return <p className="text-sm text-slate-600">No class this week or last week.</p>;
  }
  return (
    <div className="grid gap-6">
      {weeks.map(([title, week]) => {
        const totals = week.classTotals;
        // A div, not a region: the week cards above are the regions named "This week" and "Last week".
        return (
          <div key={title} className="grid gap-2">
            <div>
              <h3 className="font-semibold">
                {title} <span className="font-normal text-slate-600">({weekLabel(week)})</span>
              </h3>
              <p className="text-sm text-slate-600">
                {totals.classes === 0
                  ? "No class."
                  : `${totals.classes} ${totals.classes === 1 ? "class" : "classes"}: ${formatRate(totals.fillRate)} of places held (${totals.held} of ${totals.capacity}); attendance ${attendance(totals, "not marked yet")}.`}
              </p>
            </div>
            {totals.classes > 0 && <ClassTable title={title} classes={week.classes} zone={zone} />}
          </div>
        );
      })}
    </div>
  );
}
