// One class as a member sees it in the timetable and under "My classes":
// title, coach, time (and the coach's own time when their zone differs),
// the places left, and the member's own place with the tap that changes it.
import { SessionTime } from "@/components/session-time";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import { formatSessionTime } from "@/lib/time-format";
import type { ClassView } from "@/server/classes/class-view";
import { placesLabel } from "./class-labels";
import { ClassPlaceControls } from "./class-place-controls";

export function ClassCard({ view, zone, now, headingLevel = 3 }: { view: ClassView; zone: string; now: Date; headingLevel?: 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  const cancelled = view.status === "cancelled";
  const started = new Date(view.startsAt).getTime() <= now.getTime();
  const open = view.status === "scheduled" && !started;
  return (
    <li className={cn("grid gap-2 rounded-xl border border-slate-200 bg-white p-4", cancelled && "bg-slate-50")} data-testid="class">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <Heading className={cn("text-base font-semibold text-slate-900", cancelled && "line-through decoration-slate-400")}>{view.title}</Heading>
          <p className="text-sm text-slate-600">with {view.coach.name}</p>
        </div>
        {cancelled ? (
          <Badge className="bg-slate-100 text-slate-700 ring-slate-200">Cancelled</Badge>
        ) : (
          <span className={cn("text-sm font-medium", view.placesLeft > 0 ? "text-emerald-800" : "text-amber-800")}>{placesLabel(view)}</span>
        )}
      </div>
      <p className="text-sm">
        <SessionTime startsAt={view.startsAt} endsAt={view.endsAt} zone={zone} coachZone={view.coach.timezone} className="block" />
      </p>
      {cancelled && view.cancellationReason && <p className="text-sm text-slate-600">Reason: {view.cancellationReason}</p>}
      {!cancelled && started && !view.myEnrolment && <p className="text-sm text-slate-600">This class has started.</p>}
      {(!cancelled || view.myEnrolment) && (
        <ClassPlaceControls
          classId={view.id}
          summary={`${view.title}, ${formatSessionTime(view.startsAt, view.endsAt, zone)}`}
          place={view.myEnrolment}
          placesLeft={view.placesLeft}
          open={open}
        />
      )}
    </li>
  );
}
