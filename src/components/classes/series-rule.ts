// A weekly class's rule as people read it: "Every Wednesday 18:30–19:30",
// "Every 2 weeks, Sunday 08:00–09:00", on the coach's clock.
import { DAY_NAMES, formatCalendarDate } from "@/lib/time-format";
import type { ClassSeriesView } from "@/server/classes/class-series-view";

export function seriesRule(series: Pick<ClassSeriesView, "frequency" | "dayOfWeek" | "startTime" | "endTime">): string {
  return `${series.frequency === 1 ? "Every" : `Every ${series.frequency} weeks,`} ${DAY_NAMES[series.dayOfWeek]} ${series.startTime}–${series.endTime}`;
}

/** "from Mon 16 Nov, no end date" / "from Mon 16 Nov until Thu 31 Dec". */
export function seriesDates(series: Pick<ClassSeriesView, "startDate" | "endDate">): string {
  return `from ${formatCalendarDate(series.startDate, "short")}${series.endDate ? ` until ${formatCalendarDate(series.endDate, "short")}` : ", no end date"}`;
}
