// My recurring bookings: each series with its rule on the coach's clock and
// its next 10 sessions; cancel one date, or the series from now on.
import type { Metadata } from "next";
import Link from "next/link";
import { SessionList } from "@/components/session-list";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DAY_NAMES, formatCalendarDate, zoneName } from "@/lib/time-format";
import { listRecurringBookings } from "@/server/bookings/list-recurring-bookings";
import { getViewer } from "@/server/viewer";
import { CancelSeriesButton } from "./cancel-series-button";

export const metadata: Metadata = { title: "Recurring bookings" };

export default async function RecurringBookingsPage() {
  const { actor, db, zone } = await getViewer("member");
  const now = new Date();
  // The same use case as getMyRecurringBookingsAction.
  const series = await listRecurringBookings({ db, actor, input: { status: "all" } });
  const active = series.filter((item) => item.status === "active");
  const ended = series.filter((item) => item.status !== "active");

  return (
    <>
      <PageHeader
        title="Recurring bookings"
        description="Your regular slots. Cancel a single date, or stop a series from now on."
      />
      {series.length === 0 && (
        <EmptyState title="No recurring bookings">
          Pick a time on{" "}
          <Link href="/member/coaches" className="font-medium text-brand-700 underline">
            a coach&apos;s page
          </Link>{" "}
          and choose “Every week”.
        </EmptyState>
      )}
      <ul className="grid gap-4">
        {[...active, ...ended].map((item) => {
          const rule = `${item.frequency === 1 ? "Every" : `Every ${item.frequency} weeks,`} ${DAY_NAMES[item.dayOfWeek]} ${item.startTime}–${item.endTime}`;
          return (
            <Card as="li" key={item.id} className="grid gap-3">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <h2 className="text-lg font-semibold">
                    {rule}
                    {item.coach.timezone !== zone && <span className="font-normal text-slate-600"> {zoneName(item.coach.timezone)}</span>}
                  </h2>
                  <p className="text-sm text-slate-600">
                    with {item.coach.name} · from {formatCalendarDate(item.startDate, "short")}
                    {item.endDate ? ` until ${formatCalendarDate(item.endDate, "short")}` : ", no end date"}
                  </p>
                </div>
                {item.status === "active" ? (
                  <CancelSeriesButton seriesId={item.id} rule={rule} />
                ) : (
                  <Badge className="bg-slate-100 text-slate-700 ring-slate-200">Cancelled</Badge>
                )}
              </div>
              {item.nextSessions.length > 0 ? (
                <div>
                  <h3 className="mb-2 text-sm font-semibold text-slate-700">Next sessions</h3>
                  <SessionList sessions={item.nextSessions} zone={zone} now={now} showCoach={false} />
                </div>
              ) : (
                item.status === "active" && <p className="text-sm text-slate-600">No upcoming session yet.</p>
              )}
            </Card>
          );
        })}
      </ul>
    </>
  );
}
