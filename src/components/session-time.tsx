// A session's or a window's time as people read it: in the viewer's zone,
// and — when the coach lives elsewhere — the same time on the coach's clock,
// named. Member lists, the coach's availability and conflicts all use it.
import { cn } from "@/lib/cn";
import { formatWindow, zoneName } from "@/lib/time-format";

export function SessionTime({
  startsAt,
  endsAt,
  zone,
  coachZone,
  className,
}: {
  startsAt: string;
  endsAt: string;
  zone: string;
  coachZone: string;
  className?: string;
}) {
  return (
    <>
      <time dateTime={startsAt} className={cn("font-medium tabular-nums text-slate-900", className)}>
        {formatWindow(startsAt, endsAt, zone)}
      </time>
      {zone !== coachZone && (
        <span className="block text-xs text-slate-600">
          {formatWindow(startsAt, endsAt, coachZone)} {zoneName(coachZone)}
        </span>
      )}
    </>
  );
}
