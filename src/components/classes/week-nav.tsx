// The week a page shows (the coach's calendar, a class list), and the way to
// the one before and after, in the viewer's zone.
import Link from "next/link";
import type { ReactNode } from "react";
import type { CalendarWeek } from "@/components/week-calendar";
import { buttonClasses } from "@/components/ui/button";
import { addDays, formatCalendarDate } from "@/lib/time-format";

export function WeekNav({
  week,
  hrefFor,
  summary,
  headingId = "week-heading",
}: {
  week: CalendarWeek;
  /** The link to another week (its Monday), keeping the page's other parameters. */
  hrefFor: (monday: string) => string;
  /** A line under the heading: "4 classes". */
  summary: ReactNode;
  headingId?: string;
}) {
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
      <div>
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          {formatCalendarDate(week.monday, "short")} – {formatCalendarDate(addDays(week.monday, 6), "short")}
        </h2>
        <p className="text-sm text-slate-600">{summary}</p>
      </div>
      <nav aria-label="Weeks" className="flex gap-2">
        <Link href={hrefFor(addDays(week.monday, -7))} className={buttonClasses("secondary", "sm")}>
          <span aria-hidden="true">←</span> Previous<span className="sr-only"> week</span>
        </Link>
        <Link
          href={hrefFor(week.thisMonday)}
          className={buttonClasses("secondary", "sm")}
          aria-current={week.monday === week.thisMonday ? "page" : undefined}
        >
          This week
        </Link>
        <Link href={hrefFor(addDays(week.monday, 7))} className={buttonClasses("secondary", "sm")}>
          Next<span className="sr-only"> week</span> <span aria-hidden="true">→</span>
        </Link>
      </nav>
    </div>
  );
}

/** "No classes this week", "1 class", "4 classes (1 cancelled)". */
export function classCountLabel(classes: ReadonlyArray<{ status: string }>): string {
  if (classes.length === 0) return "No classes this week";
  const cancelled = classes.filter((item) => item.status === "cancelled").length;
  return `${classes.length} ${classes.length === 1 ? "class" : "classes"}${cancelled > 0 ? ` (${cancelled} cancelled)` : ""}`;
}
