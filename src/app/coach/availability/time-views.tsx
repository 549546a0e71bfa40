// How the availability page lists the sessions a change hits, in the
// viewer's zone. Pure display, used by server and client parts.
import type { SessionView } from "@/server/sessions/session-view";
import { StatusBadge } from "@/components/ui/badge";
import { formatSessionTime } from "@/lib/time-format";

/** The sessions an availability change hits, each with its member and status. */
export function AffectedSessionList({ sessions, zone }: { sessions: readonly SessionView[]; zone: string }) {
  return (
    <ul className="mt-2 grid gap-1">
      {sessions.map((session) => (
        <li key={session.id} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
          <span className="font-medium tabular-nums">{formatSessionTime(session.startsAt, session.endsAt, zone)}</span>
          <span>{session.member?.name ?? (session.title || "Group class")}</span>
          <StatusBadge status={session.status} />
        </li>
      ))}
    </ul>
  );
}

