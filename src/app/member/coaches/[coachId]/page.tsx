// One coach's free slots, week by week, in the viewer's zone; choosing a
// slot opens the booking dialog (once, or every week).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { WeekNotShown, weekParam } from "@/components/week-calendar";
import { addDays, dateInZone, formatCalendarDate, mondayOf, zoneName } from "@/lib/time-format";
import { listFreeSlots } from "@/server/availability/list-free-slots";
import { listCoaches } from "@/server/coaches/list-coaches";
import { sessionHorizonWeeks } from "@/server/config";
import { getViewer } from "@/server/viewer";
import { SlotPicker, type SlotDay } from "./slot-picker";

export const metadata: Metadata = { title: "Free times" };

/** How far ahead a member may browse. */
const WEEKS_AHEAD = 26;

export default async function CoachSlotsPage({
  params,
  searchParams,
}: {
  params: Promise<{ coachId: string }>;
  searchParams: Promise<{ week?: string | string[] }>;
}) {
  const { actor, db, zone } = await getViewer("member");
  const [{ coachId }, { week }] = await Promise.all([params, searchParams]);
  const coach = (await listCoaches({ db, actor })).find((candidate) => candidate.id === coachId);
  if (!coach) notFound();

  const now = new Date();
  const thisMonday = mondayOf(dateInZone(now, zone));
  const lastMonday = addDays(thisMonday, 7 * WEEKS_AHEAD);
  const asked = weekParam(week);
  if ("problem" in asked) {
    return (
      <>
        <PageHeader title={coach.name} />
        <WeekNotShown problem={asked.problem} href={`/member/coaches/${encodeURIComponent(coachId)}`} />
      </>
    );
  }
  // A real week before this one or past what may be browsed: the nearest that may.
  let monday = asked.monday ?? thisMonday;
  if (monday < thisMonday) monday = thisMonday;
  if (monday > lastMonday) monday = lastMonday;
  const sunday = addDays(monday, 6);

  // The viewer's week, asked in the coach's dates with a day of margin each
  // side (zones differ by up to a day), then cut to the viewer's days.
  const free = await listFreeSlots({ db, actor, input: { coachId, from: addDays(monday, -1), to: addDays(monday, 7) }, now });
  const days: SlotDay[] = Array.from({ length: 7 }, (_, index) => ({ date: addDays(monday, index), slots: [] }));
  for (const slot of free.slots) {
    const day = days.find((candidate) => candidate.date === dateInZone(slot.startsAt, zone));
    day?.slots.push(slot);
  }

  const weekLink = (date: string) => `/member/coaches/${coachId}?week=${date}`;
  return (
    <>
      <PageHeader
        title={coach.name}
        description={
          <>
            {free.duration}-minute sessions. Times in {zoneName(zone)}
            {coach.timezone !== zone && <>; {coach.name.split(" ")[0]} works on {zoneName(coach.timezone)}</>}.
          </>
        }
      />
      <nav aria-label="Weeks" className="mb-4 grid grid-cols-2 items-center gap-2 sm:flex sm:justify-between">
        <h2 className="col-span-2 text-base font-semibold sm:order-2" aria-live="polite">
          {formatCalendarDate(monday, "short")} – {formatCalendarDate(sunday, "short")}
        </h2>
        {monday > thisMonday ? (
          <Link href={weekLink(addDays(monday, -7))} className={`${buttonClasses("secondary", "sm")} sm:order-1`}>
            ← Previous week
          </Link>
        ) : (
          <span className="sm:order-1" />
        )}
        {monday < lastMonday ? (
          <Link href={weekLink(addDays(monday, 7))} className={`${buttonClasses("secondary", "sm")} sm:order-3`}>
            Next week →
          </Link>
        ) : (
          <span className="sm:order-3" />
        )}
      </nav>
      <SlotPicker
        days={days}
        coach={{ id: coach.id, name: coach.name, timezone: coach.timezone }}
        zone={zone}
        horizonWeeks={sessionHorizonWeeks()}
      />
    </>
  );
}
