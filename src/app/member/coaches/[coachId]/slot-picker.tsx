"use client";
// The week's free slots as buttons, grouped by day; a slot opens the booking
// dialog (booking-dialog.tsx), and what was booked is confirmed above them.
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState, Notice } from "@/components/ui/card";
import { formatCalendarDate, formatSessionTime, formatTime } from "@/lib/time-format";
import { BookingDialog, type Booked, type Coach, type Slot } from "./booking-dialog";

export type { Slot } from "./booking-dialog";

export interface SlotDay {
  /** The viewer's calendar date. */
  date: string;
  slots: Slot[];
}

export function SlotPicker({ days, coach, zone, horizonWeeks }: { days: SlotDay[]; coach: Coach; zone: string; horizonWeeks: number }) {
  const [chosen, setChosen] = useState<Slot | null>(null);
  const [booked, setBooked] = useState<Booked | null>(null);
  const anyFree = days.some((day) => day.slots.length > 0);

  return (
    <>
      {booked && (
        <Notice tone="success" className="mb-4">
          {booked.message}{" "}
          <Link href={booked.href} className="font-medium underline">
            {booked.linkText}
          </Link>
        </Notice>
      )}
      {!anyFree && <EmptyState title="No free times this week">Try the next week.</EmptyState>}
      <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        {days
          .filter((day) => day.slots.length > 0)
          .map((day) => (
            <section key={day.date} aria-labelledby={`day-${day.date}`} className="rounded-xl border border-slate-200 bg-white p-3">
              <h3 id={`day-${day.date}`} className="mb-2 text-sm font-semibold text-slate-800">
                {formatCalendarDate(day.date, "short")}
              </h3>
              <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4 md:grid-cols-3">
                {day.slots.map((slot) => (
                  <li key={slot.startsAt}>
                    <Button
                      variant="secondary"
                      size="sm"
                      className="w-full"
                      aria-label={`Book ${formatSessionTime(slot.startsAt, slot.endsAt, zone)}`}
                      onClick={() => (setBooked(null), setChosen(slot))}
                    >
                      {formatTime(slot.startsAt, zone)}
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
      </div>
      {chosen && (
        <BookingDialog
          key={chosen.startsAt}
          slot={chosen}
          coach={coach}
          zone={zone}
          horizonWeeks={horizonWeeks}
          onClose={() => setChosen(null)}
          onBooked={(result) => (setChosen(null), setBooked(result))}
        />
      )}
    </>
  );
}
