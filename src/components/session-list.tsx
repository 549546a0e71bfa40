// A list of sessions for a member: when, with whom, status, and a cancel
// button on the ones still ahead and scheduled.
import type { SessionView } from "@/server/sessions/session-view";
import { StatusBadge } from "./ui/badge";
import { CancelSessionButton } from "./cancel-session-button";
import { SessionTime } from "./session-time";

export function SessionList({
  sessions,
  zone,
  now,
  showCoach = true,
}: {
  sessions: SessionView[];
  zone: string;
  now: Date;
  showCoach?: boolean;
}) {
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white">
      {sessions.map((session) => (
        <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3" data-testid="session">
          <div className="min-w-0">
            <SessionTime startsAt={session.startsAt} endsAt={session.endsAt} zone={zone} coachZone={session.coach.timezone} className="block" />
            <p className="text-sm text-slate-600">
              {showCoach && <>with {session.coach.name} · </>}
              {session.recurringBookingId ? "Recurring" : "One-time"}
              {session.cancellationReason && <> · “{session.cancellationReason}”</>}
            </p>
          </div>
          <div className="flex items-center gap-2">
            <StatusBadge status={session.status} />
            {session.status === "scheduled" && new Date(session.startsAt) > now && (
              <CancelSessionButton
                sessionId={session.id}
                description="The time becomes free for others. A recurring series goes on with its other dates."
              />
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
