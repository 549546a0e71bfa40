// Weekly classes: every class series, with its rule on the coach's clock,
// and the member's standing place in it — a place in each of its classes
// from now on — to take or to cancel.
import type { Metadata } from "next";
import { MemberClassTabs } from "@/components/classes/member-class-tabs";
import { seriesDates, seriesRule } from "@/components/classes/series-rule";
import { StandingPlaceControls } from "@/components/classes/standing-place-controls";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { zoneName } from "@/lib/time-format";
import { listClassSeries } from "@/server/classes/list-class-series";
import { listStandingPlaces } from "@/server/classes/list-standing-places";
import { getViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Weekly classes" };

export default async function WeeklyClassesPage() {
  const { actor, db, zone } = await getViewer("member");
  const [series, standing] = await Promise.all([
    listClassSeries({ db, actor, input: { status: "active" } }),
    listStandingPlaces({ db, actor, input: { status: "active" } }),
  ]);
  const mine = new Map(standing.map((place) => [place.seriesId, place.id]));

  return (
    <>
      <PageHeader
        title="Weekly classes"
        description="Take a standing place to be in every class of a weekly class without enrolling each time."
      />
      <MemberClassTabs current="/member/classes/weekly" />
      {series.length === 0 ? (
        <EmptyState title="No weekly classes yet" />
      ) : (
        <ul className="grid gap-3" aria-label="Weekly classes">
          {series.map((item) => {
            const rule = seriesRule(item);
            return (
              <Card as="li" key={item.id} className="grid gap-3">
                <div>
                  <h2 className="text-lg font-semibold text-slate-900">{item.title}</h2>
                  <p className="text-sm text-slate-800">
                    {rule}
                    {item.coach.timezone !== zone && <span className="text-slate-600"> ({zoneName(item.coach.timezone)})</span>}
                  </p>
                  <p className="text-sm text-slate-600">
                    with {item.coach.name} · {item.capacity} places · {seriesDates(item)}
                  </p>
                </div>
                <StandingPlaceControls seriesId={item.id} summary={`${item.title}, ${rule}`} standingPlaceId={mine.get(item.id) ?? null} />
              </Card>
            );
          })}
        </ul>
      )}
    </>
  );
}
