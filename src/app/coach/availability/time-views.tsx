// How the availability page writes a window of time and a list of sessions
// a change hits: in the viewer's zone, with the coach's own time beside it
// when the zones differ. Pure display, used by server and client parts.
import type { SessionView } from "@/server/sessions/session-view";
import { StatusBadge } from "@/components/ui/badge";
import { dateInZone, formatDay, formatSessionTime, formatTime, zoneName } from "@/lib/time-format";

/** "Tue 1 Dec, 09:00–12:00", or "Tue 1 Dec 09:00 – Thu 3 Dec 18:00" across days. */
export function formatWindow(startsAt: string, endsAt: string, zone: string): string {
  // An end at midnight belongs to the day before ("until the end of Tuesday").
  const lastMoment = new Date(new Date(endsAt).getTime() - 1).toISOString();
  if (dateInZone(startsAt, zone) === dateInZone(lastMoment, zone)) return formatSessionTime(startsAt, endsAt, zone);
  return `${formatDay(startsAt, zone)} ${formatTime(startsAt, zone)} – ${formatDay(endsAt, zone)} ${formatTime(endsAt, zone)}`;
}

export function WindowTime({ startsAt, endsAt, zone, coachZone }: { startsAt: string; endsAt: string; zone: string; coachZone: string }) {
  return (
    <>
      <span className="font-medium text-slate-900">{formatWindow(startsAt, endsAt, zone)}</span>
      {coachZone !== zone && (
        <span className="block text-xs text-slate-600">
          {formatWindow(startsAt, endsAt, coachZone)} {zoneName(coachZone)}
        </span>
      )}
    </>
  );
}

/** The sessions an availability change hits, each with its member and status. */
export function AffectedSessionList({ sessions, zone }: { sessions: readonly SessionView[]; zone: string }) {
  return (
    <ul className="mt-2 grid gap-1">
      {sessions.map((session) => (
        <li key={session.id} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
          <span className="font-medium tabular-nums">{formatSessionTime(session.startsAt, session.endsAt, zone)}</span>
          <span>{session.member?.name ?? "No member"}</span>
          <StatusBadge status={session.status} />
        </li>
      ))}
    </ul>
  );
}

