// The coach's generation conflicts: occurrences of their members' weekly
// series that the generator could not place (time off, outside the weekly
// hours, another session), each with why, and a way to resolve it — place
// it after all (retry) or let it go (dismiss). Resolved ones are listed
// below for the record.
import { conflictReasonLabel } from "@/domain/conflict-reason";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { DAY_NAMES, formatSessionTime, zoneName } from "@/lib/time-format";
import { listConflicts } from "@/server/conflicts/list-conflicts";
import type { ConflictView } from "@/server/conflicts/conflict-view";
import { getViewer, type Viewer } from "@/server/viewer";
import { ConflictActions } from "./conflict-actions";
import { SessionTime } from "@/components/session-time";

const RECENT_RESOLVED = 10;

/** The coach's open conflicts, the latest resolved ones, and the time they were read at. */
async function loadConflicts(db: Viewer["db"], actor: Viewer["actor"]) {
  const [open, resolved] = await Promise.all([
    listConflicts({ db, actor, input: { status: "open" } }),
    listConflicts({ db, actor, input: { status: "resolved" } }),
  ]);
  const recent = [...resolved]
    .sort((a, b) => (b.resolvedAt ?? "").localeCompare(a.resolvedAt ?? ""))
    .slice(0, RECENT_RESOLVED);
  return { open, recent, now: Date.now() };
}

export default async function ConflictsPage() {
  const { actor, zone, db } = await getViewer("coach");
  const { open, recent, now } = await loadConflicts(db, actor);

  return (
    <>
      <PageHeader
        title="Conflicts"
        description="Sessions of a weekly series that could not be booked. Place each one after all, or dismiss it."
      />
      {open.length === 0 ? (
        <EmptyState title="No conflicts">Every occurrence of your members&rsquo; series found its place.</EmptyState>
      ) : (
        <ul className="grid gap-3" aria-label="Open conflicts">
          {open.map((conflict) => (
            <Card as="li" key={conflict.id}>
              <ConflictSummary conflict={conflict} zone={zone} />
              <ConflictActions
                id={conflict.id}
                summary={`${conflict.member?.name ?? conflict.series.title ?? ""}, ${formatSessionTime(conflict.startsAt, conflict.endsAt, zone)}`}
                canRetry={new Date(conflict.startsAt).getTime() > now}
              />
            </Card>
          ))}
        </ul>
      )}

      {recent.length > 0 && (
        <section aria-labelledby="resolved-heading" className="mt-8">
          <h2 id="resolved-heading" className="text-lg font-semibold text-slate-900">
            Recently resolved
          </h2>
          <ul className="mt-3 grid gap-2">
            {recent.map((conflict) => (
              <li key={conflict.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <ConflictSummary conflict={conflict} zone={zone} />
                <p className="mt-1 text-slate-600">Resolved: {conflict.resolution ?? "—"}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function ConflictSummary({ conflict, zone }: { conflict: ConflictView; zone: string }) {
  const coachZone = conflict.coach.timezone;
  const series = conflict.series;
  return (
    <div>
      <p className="flex flex-wrap items-center gap-2">
        <SessionTime startsAt={conflict.startsAt} endsAt={conflict.endsAt} zone={zone} coachZone={coachZone} className="font-semibold" />
        {conflict.status === "open" && <Badge className="bg-amber-50 text-amber-900 ring-amber-200">Not booked</Badge>}
      </p>
      <p className="mt-1 text-sm text-slate-800">{conflict.member?.name ?? conflict.series.title}</p>
      <p className="text-sm text-slate-600">
        Weekly series: {DAY_NAMES[series.dayOfWeek]}s {series.startTime}–{series.endTime} ({zoneName(coachZone)})
      </p>
      <p className="mt-1 text-sm text-slate-800">
        <span className="font-medium">Why: </span>
        {conflictReasonLabel(conflict.reason)}
      </p>
    </div>
  );
}
