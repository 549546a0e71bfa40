// The coach's availability: weekly hours per day, one-off extra hours, time
// off (checking which booked sessions it hits first), and the booking
// settings (notice, default length). Reads through the use cases; every
// change goes through availability-actions.
import type { ReactNode } from "react";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getWeeklyAvailability } from "@/server/availability/get-weekly-availability";
import { listAvailabilityAdditions } from "@/server/availability/list-availability-additions";
import { listBlockedSlots } from "@/server/availability/list-blocked-slots";
import { listCoaches } from "@/server/coaches/list-coaches";
import { getViewer } from "@/server/viewer";
import { BookingSettingsForm } from "./booking-settings-form";
import { ExtraHoursForm } from "./extra-hours-form";
import { RemoveExtraHoursButton, RemoveTimeOffButton } from "./remove-window-button";
import { TimeOffForm } from "./time-off-form";
import { WeeklyHoursEditor } from "./weekly-hours-editor";
import { formatWindow } from "@/lib/time-format";
import { SessionTime } from "@/components/session-time";

const SECTIONS = [
  ["weekly-hours", "Weekly hours"],
  ["time-off", "Time off"],
  ["extra-hours", "Extra hours"],
  ["booking-settings", "Booking settings"],
] as const;

export default async function AvailabilityPage() {
  const { actor, zone, db } = await getViewer("coach");
  const coachId = actor.id;
  const [weekly, additions, timeOff, coaches] = await Promise.all([
    getWeeklyAvailability({ db, actor, input: { coachId } }),
    listAvailabilityAdditions({ db, actor, input: { coachId } }),
    listBlockedSlots({ db, actor, input: { coachId } }),
    listCoaches({ db, actor }),
  ]);
  const coach = coaches.find((candidate) => candidate.id === coachId)!;
  const coachZone = weekly.timezone;

  return (
    <>
      <PageHeader title="Availability" description="When members can book you: your weekly hours, plus extra hours, minus time off." />
      <nav aria-label="On this page" className="-mt-2 mb-5 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {SECTIONS.map(([id, label]) => (
          <a key={id} href={`#${id}`} className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
            {label}
          </a>
        ))}
      </nav>
      <div className="grid gap-6">
        <Card>
          <h2 id="weekly-hours" className="scroll-mt-4 text-lg font-semibold text-slate-900">Weekly hours</h2>
          <div className="mt-2">
            <WeeklyHoursEditor coachId={coachId} coachZone={coachZone} viewerZone={zone} initialRules={weekly.rules} />
          </div>
        </Card>

        <Card>
          <h2 id="time-off" className="scroll-mt-4 text-lg font-semibold text-slate-900">Time off</h2>
          <p className="mt-1 text-sm text-slate-600">Holidays, appointments: time members cannot book, even inside your weekly hours.</p>
          <WindowList
            title="Upcoming time off"
            empty="No time off planned."
            items={timeOff.map((slot) => ({
              ...slot,
              action: <RemoveTimeOffButton coachId={coachId} id={slot.id} summary={formatWindow(slot.startsAt, slot.endsAt, zone)} />,
            }))}
            zone={zone}
            coachZone={coachZone}
          />
          <h3 className="mt-5 text-base font-semibold text-slate-900">Add time off</h3>
          <div className="mt-2">
            <TimeOffForm coachId={coachId} coachZone={coachZone} viewerZone={zone} />
          </div>
        </Card>

        <Card>
          <h2 id="extra-hours" className="scroll-mt-4 text-lg font-semibold text-slate-900">Extra hours</h2>
          <p className="mt-1 text-sm text-slate-600">One-off hours on top of your weekly ones, such as a Saturday morning.</p>
          <WindowList
            title="Upcoming extra hours"
            empty="No extra hours planned."
            items={additions.map((addition) => ({
              ...addition,
              action: (
                <RemoveExtraHoursButton
                  coachId={coachId}
                  id={addition.id}
                  summary={formatWindow(addition.startsAt, addition.endsAt, zone)}
                  viewerZone={zone}
                />
              ),
            }))}
            zone={zone}
            coachZone={coachZone}
          />
          <h3 className="mt-5 text-base font-semibold text-slate-900">Add extra hours</h3>
          <div className="mt-2">
            <ExtraHoursForm coachId={coachId} coachZone={coachZone} />
          </div>
        </Card>

        <Card>
          <h2 id="booking-settings" className="scroll-mt-4 text-lg font-semibold text-slate-900">Booking settings</h2>
          <div className="mt-3">
            <BookingSettingsForm
              coachId={coachId}
              minimumNoticeMinutes={coach.minimumNoticeMinutes}
              defaultDuration={coach.defaultDuration}
            />
          </div>
        </Card>
      </div>
    </>
  );
}

function WindowList({
  title,
  empty,
  items,
  zone,
  coachZone,
}: {
  title: string;
  empty: string;
  items: { id: string; startsAt: string; endsAt: string; reason: string | null; action: ReactNode }[];
  zone: string;
  coachZone: string;
}) {
  return (
    <div className="mt-3">
      <h3 className="sr-only">{title}</h3>
      {items.length === 0 ? (
        <EmptyState title={empty} />
      ) : (
        <ul className="grid gap-2" aria-label={title}>
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 p-3 text-sm">
              <div>
                <SessionTime startsAt={item.startsAt} endsAt={item.endsAt} zone={zone} coachZone={coachZone} />
                {item.reason && <span className="block text-slate-600">{item.reason}</span>}
              </div>
              {item.action}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
