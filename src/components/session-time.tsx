// A session's time as people read it: in the viewer's zone, and — when the
// coach lives elsewhere — the same time on the coach's clock, named.
import { formatSessionTime, formatTimeRange, zoneName } from "@/lib/time-format";

export function SessionTime({
  startsAt,
  endsAt,
  zone,
  coachZone,
}: {
  startsAt: string;
  endsAt: string;
  zone: string;
  coachZone: string;
}) {
  return (
    <span>
      <time dateTime={startsAt} className="font-medium text-slate-900">
        {formatSessionTime(startsAt, endsAt, zone)}
      </time>
      {zone !== coachZone && (
        <span className="block text-xs text-slate-600">
          {formatTimeRange(startsAt, endsAt, coachZone)} {zoneName(coachZone)}
        </span>
      )}
    </span>
  );
}
