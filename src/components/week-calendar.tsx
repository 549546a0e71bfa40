// One coach's week of sessions, Monday to Sunday in the viewer's zone: on a
// phone a list of days, on a wide screen seven columns. Each session shows
// its time (and the coach's own time when their zone differs), the member
// (a group class: its title, linking to its roster), its status and whether
// it belongs to a series; the buttons to cancel or mark no-show come from
// SessionActions. Used by /coach and /owner/calendar.
import Link from "next/link";
import type { SessionView } from "@/server/sessions/session-view";
import { wallClockToInstant } from "@/domain/time";
import { addDays, dateInZone, formatCalendarDate, formatTimeRange, isCalendarDate, mondayOf, zoneName } from "@/lib/time-format";
import { cn } from "@/lib/cn";
import { MAX_YEAR, MIN_YEAR } from "@/server/fields";
import { WeekNav } from "./classes/week-nav";
import { SessionActions } from "./session-actions";
import { Notice } from "./ui/card";
import { StatusBadge } from "./ui/badge";

export interface CalendarWeek {
  /** The Monday, "YYYY-MM-DD". */
  monday: string;
  /** The week's first and last instants in the viewer's zone, for listSessions: [from, to). */
  from: string;
  to: string;
  /** The Monday of the week that holds today. */
  thisMonday: string;
}

/** A `?week=` the page cannot show: why, said to a person, and the week to go back to. */
export interface WeekProblem {
  problem: string;
  thisMonday: string;
}

/** The first and last Mondays a calendar shows: whole weeks inside the years requests accept (server/fields.ts). */
const FIRST_MONDAY = mondayOf(`${MIN_YEAR + 1}-01-08`);
const LAST_MONDAY = mondayOf(`${MAX_YEAR - 1}-12-24`);

/**
 * The Monday `?week=` names (any day of its week), or why it names none: an
 * impossible date (2027-02-30, 9999-12-31, "soon", two weeks at once) shows a
 * message and a link back, not the error page. Absent: undefined.
 */
export function weekParam(param: string | string[] | undefined): { monday?: string } | { problem: string } {
  if (param === undefined || param === "") return {};
  if (typeof param !== "string") return { problem: "Choose one week: the link names several." };
  if (!isCalendarDate(param)) return { problem: `“${String(param).slice(0, 40)}” is not a date (YYYY-MM-DD).` };
  const monday = mondayOf(param);
  if (monday < FIRST_MONDAY || monday > LAST_MONDAY) {
    return { problem: `Weeks from ${FIRST_MONDAY.slice(0, 4)} to ${LAST_MONDAY.slice(0, 4)} can be shown; ${param} is outside them.` };
  }
  return { monday };
}

/** The week `?week=` names (any day of it; the current week when absent), in `zone`, or why it cannot be shown. */
export function calendarWeek(param: string | string[] | undefined, zone: string, now: Date): CalendarWeek | WeekProblem {
  const thisMonday = mondayOf(dateInZone(now, zone));
  const parsed = weekParam(param);
  if ("problem" in parsed) return { problem: parsed.problem, thisMonday };
  const monday = parsed.monday ?? thisMonday;
  return {
    monday,
    from: wallClockToInstant(monday, "00:00", zone).toISOString(),
    to: wallClockToInstant(addDays(monday, 7), "00:00", zone).toISOString(),
    thisMonday,
  };
}

/** What a calendar page shows for a `?week=` it cannot show: the reason and a way back (HTTP 200). */
export function WeekNotShown({ problem, href }: { problem: string; href: string }) {
  return (
    <Notice tone="warning">
      <p className="font-medium">This week cannot be shown.</p>
      <p className="mt-1">{problem}</p>
      <p className="mt-2">
        <Link href={href} className="font-medium underline">
          Go to this week
        </Link>
      </p>
    </Notice>
  );
}

export function WeekCalendar({
  week,
  sessions,
  zone,
  now,
  hrefFor,
  coachZone,
  coachZoneLabel,
  classHref,
}: {
  week: CalendarWeek;
  sessions: readonly SessionView[];
  /** The viewer's zone: every day and time is in it. */
  zone: string;
  now: Date;
  /** The link to another week (its Monday), keeping the page's other parameters. */
  hrefFor: (monday: string) => string;
  /** The coach's zone, named beside each time when it differs from the viewer's. */
  coachZone: string;
  /** Whose zone the smaller times are: "your zone", "Camille Durand's zone". */
  coachZoneLabel: string;
  /** The page of a group class (its roster and attendance). */
  classHref: (classId: string) => string;
}) {
  const days = Array.from({ length: 7 }, (_, index) => addDays(week.monday, index));
  const today = dateInZone(now, zone);
  const byDay = new Map<string, SessionView[]>(days.map((day) => [day, []]));
  for (const session of sessions) byDay.get(dateInZone(session.startsAt, zone))?.push(session);
  const active = sessions.filter((session) => session.status !== "cancelled").length;

  return (
    <section aria-labelledby="week-heading">
      <WeekNav
        week={week}
        hrefFor={hrefFor}
        summary={
          <>
            {active === 0 ? "No sessions this week" : `${active} session${active === 1 ? "" : "s"}`}
            {coachZone !== zone && (
              <>
                {" "}· times in {zoneName(zone)}; the smaller ones in {zoneName(coachZone)} ({coachZoneLabel})
              </>
            )}
          </>
        }
      />

      <ol className="grid gap-3 lg:grid-cols-7 lg:gap-2">
        {days.map((day) => {
          const daySessions = byDay.get(day)!;
          const isToday = day === today;
          return (
            <li
              key={day}
              aria-labelledby={`day-${day}`}
              aria-current={isToday ? "date" : undefined}
              className={cn(
                "rounded-xl border bg-white p-3 lg:min-h-40 lg:p-2",
                daySessions.length === 0 && "flex items-baseline justify-between gap-3 py-2 lg:block lg:py-2",
                isToday ? "border-brand-600 ring-1 ring-brand-600" : "border-slate-200",
              )}
            >
              <h3 id={`day-${day}`} className="flex flex-wrap items-baseline justify-between gap-x-2 text-sm font-semibold text-slate-800">
                <span>{formatCalendarDate(day, "short")}</span>
                {isToday && (
                  <span className="text-xs font-medium text-brand-700">
                    Today
                  </span>
                )}
              </h3>
              {daySessions.length === 0 ? (
                <p className="text-sm text-slate-500 lg:mt-1">No sessions</p>
              ) : (
                <ul className="mt-2 grid gap-2">
                  {daySessions.map((session) => (
                    <SessionItem key={session.id} session={session} zone={zone} coachZone={coachZone} now={now} classHref={classHref} />
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function SessionItem({
  session,
  zone,
  coachZone,
  now,
  classHref,
}: {
  session: SessionView;
  zone: string;
  coachZone: string;
  now: Date;
  classHref: (classId: string) => string;
}) {
  const time = formatTimeRange(session.startsAt, session.endsAt, zone);
  const isClass = session.title !== null;
  const memberName = session.member?.name ?? (session.title || "Group class");
  const started = new Date(session.startsAt).getTime() <= now.getTime();
  const cancelled = session.status === "cancelled";
  return (
    <li
      className={cn(
        "rounded-lg border border-slate-200 p-3 lg:p-2",
        cancelled ? "bg-slate-50 text-slate-600" : "bg-brand-50/40",
      )}
    >
      <p className={cn("whitespace-nowrap font-semibold tabular-nums text-slate-900 lg:text-sm", cancelled && "text-slate-600 line-through decoration-slate-400")}>
        {time}
      </p>
      {coachZone !== zone && (
        <p className="text-xs text-slate-600">
          {formatTimeRange(session.startsAt, session.endsAt, coachZone)} {zoneName(coachZone)}
        </p>
      )}
      <p className="mt-1 text-sm text-slate-800">
        {isClass ? (
          <Link href={classHref(session.id)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {memberName}
          </Link>
        ) : (
          memberName
        )}
      </p>
      <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1">
        <StatusBadge status={session.status} />
        <span className="text-xs text-slate-600">{isClass ? "Class" : session.recurringBookingId ? "Series" : "One-time"}</span>
      </div>
      {cancelled && session.cancellationReason && (
        <p className="mt-1 text-xs text-slate-600">Reason: {session.cancellationReason}</p>
      )}
      <SessionActions
        sessionId={session.id}
        summary={`${memberName}, ${formatCalendarDate(dateInZone(session.startsAt, zone), "short")}, ${time}`}
        canCancel={session.status === "scheduled" && !started}
        canMarkNoShow={!isClass && started && (session.status === "scheduled" || session.status === "completed")}
      />
    </li>
  );
}
