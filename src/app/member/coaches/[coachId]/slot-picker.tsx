"use client";
// The week's free slots as buttons, grouped by day, and the booking dialog:
// once, or every week (until a date or with no end) after a preview of
// every occurrence up to the horizon with its status.
import Link from "next/link";
import { useState } from "react";
import { createOneTimeBookingAction } from "@/actions/booking-actions";
import { createRecurringBookingAction, previewRecurringBookingAction } from "@/actions/recurring-booking-actions";
import { Button } from "@/components/ui/button";
import { EmptyState, Notice } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { errorMessage, useAction } from "@/components/use-action";
import { conflictReasonLabel } from "@/domain/conflict-reason";
import { DAY_NAMES, formatCalendarDate, formatDay, formatSessionTime, formatTime, formatTimeRange, wallClockIn, zoneName } from "@/lib/time-format";
import type { OccurrenceOutcome } from "@/server/bookings/create-recurring-booking";

export interface Slot {
  startsAt: string;
  endsAt: string;
}

export interface SlotDay {
  /** The viewer's calendar date. */
  date: string;
  slots: Slot[];
}

interface Coach {
  id: string;
  name: string;
  timezone: string;
}

export function SlotPicker({ days, coach, zone, horizonWeeks }: { days: SlotDay[]; coach: Coach; zone: string; horizonWeeks: number }) {
  const [chosen, setChosen] = useState<Slot | null>(null);
  const [booked, setBooked] = useState<{ message: string; href: string; linkText: string } | null>(null);
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

function BookingDialog({
  slot,
  coach,
  zone,
  horizonWeeks,
  onClose,
  onBooked,
}: {
  slot: Slot;
  coach: Coach;
  zone: string;
  horizonWeeks: number;
  onClose: () => void;
  onBooked: (result: { message: string; href: string; linkText: string }) => void;
}) {
  const [repeat, setRepeat] = useState<"once" | "weekly">("once");
  const [frequency, setFrequency] = useState(1);
  const [endDate, setEndDate] = useState("");
  const [skipConflicts, setSkipConflicts] = useState(false);
  const [preview, setPreview] = useState<OccurrenceOutcome[] | null>(null);
  const oneTime = useAction(createOneTimeBookingAction);
  const recurring = useAction(createRecurringBookingAction);
  const previewing = useAction(previewRecurringBookingAction);

  // The series is the slot's wall-clock time on the coach's calendar.
  const start = wallClockIn(slot.startsAt, coach.timezone);
  const end = wallClockIn(slot.endsAt, coach.timezone);
  const series = {
    coachId: coach.id,
    dayOfWeek: start.dayOfWeek,
    startTime: start.time,
    endTime: end.time,
    startDate: start.date,
    endDate: endDate || null,
    frequency,
  };
  const conflicts = preview?.filter((occurrence) => occurrence.reason !== null) ?? [];
  const fitting = (preview?.length ?? 0) - conflicts.length;
  const error = oneTime.error ?? recurring.error ?? previewing.error;
  const pending = oneTime.pending || recurring.pending || previewing.pending;

  const changeSeries = (change: () => void) => {
    change();
    setPreview(null);
    recurring.clearError();
    previewing.clearError();
  };

  async function checkDates() {
    const result = await previewing.run(series);
    if (result) setPreview(result.occurrences);
  }

  async function confirm() {
    if (repeat === "once") {
      const result = await oneTime.run({ coachId: coach.id, startsAt: slot.startsAt, endsAt: slot.endsAt });
      if (result) onBooked({ message: `Booked: ${formatSessionTime(slot.startsAt, slot.endsAt, zone)} with ${coach.name}.`, href: "/member/sessions", linkText: "See my sessions" });
      return;
    }
    const result = await recurring.run({ ...series, onConflict: skipConflicts ? "skip" : "reject" });
    if (result) {
      const skipped = result.skipped.length ? ` ${result.skipped.length} date(s) skipped.` : "";
      onBooked({
        message: `Booked every ${frequency === 1 ? "" : `${frequency} weeks on `}${DAY_NAMES[start.dayOfWeek]} at ${formatTime(slot.startsAt, zone)}: ${result.sessions.length} sessions so far.${skipped}`,
        href: "/member/recurring",
        linkText: "See my recurring bookings",
      });
    }
  }

  const title = `Book ${formatSessionTime(slot.startsAt, slot.endsAt, zone)}`;
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && !pending && onClose()}
      title={title}
      description={
        <>
          with {coach.name}
          {coach.timezone !== zone && (
            <> · {formatTimeRange(slot.startsAt, slot.endsAt, coach.timezone)} {zoneName(coach.timezone)}</>
          )}
        </>
      }
    >
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">How often?</legend>
        {(
          [
            ["once", "Just this once"],
            ["weekly", `Every ${DAY_NAMES[wallClockIn(slot.startsAt, zone).dayOfWeek]}`],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex min-h-11 items-center gap-3 rounded-lg border border-slate-200 px-3 has-checked:border-brand-600 has-checked:bg-brand-50">
            <input
              type="radio"
              name="repeat"
              value={value}
              checked={repeat === value}
              onChange={() => changeSeries(() => setRepeat(value))}
              className="size-4 accent-brand-600"
            />
            <span className="text-sm">{label}</span>
          </label>
        ))}
      </fieldset>

      {repeat === "weekly" && (
        <div className="mt-4 grid gap-3">
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField
              label="Repeat"
              value={String(frequency)}
              onChange={(event) => changeSeries(() => setFrequency(Number(event.target.value)))}
              error={recurring.fieldError("frequency")}
            >
              <option value="1">Every week</option>
              <option value="2">Every 2 weeks</option>
              <option value="3">Every 3 weeks</option>
              <option value="4">Every 4 weeks</option>
            </SelectField>
            <TextField
              label="Until (optional)"
              type="date"
              min={start.date}
              value={endDate}
              onChange={(event) => changeSeries(() => setEndDate(event.target.value))}
              hint="Leave empty to keep it going."
              error={recurring.fieldError("endDate") ?? previewing.fieldError("endDate")}
            />
          </div>
          {!preview && (
            <Button variant="secondary" onClick={checkDates} pending={previewing.pending} pendingLabel="Checking the dates…">
              Check the dates
            </Button>
          )}
          {preview && (
            <div>
              <h3 className="text-sm font-semibold">
                The next {horizonWeeks} weeks: {fitting} of {preview.length} dates free
              </h3>
              <ul className="mt-2 max-h-56 divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200" aria-label="Dates of the series">
                {preview.map((occurrence) => (
                  <li key={occurrence.date} className="flex items-center justify-between gap-2 px-3 py-2 text-sm">
                    <span>{formatDay(occurrence.startsAt, zone)}, {formatTimeRange(occurrence.startsAt, occurrence.endsAt, zone)}</span>
                    {occurrence.reason ? (
                      <span className="text-right font-medium text-red-700">✗ {conflictReasonLabel(occurrence.reason)}</span>
                    ) : (
                      <span className="font-medium text-emerald-800">✓ Free</span>
                    )}
                  </li>
                ))}
              </ul>
              <p className="mt-2 text-xs text-slate-600">Later dates are booked automatically as they come within {horizonWeeks} weeks.</p>
              {conflicts.length > 0 && (
                <div className="mt-3">
                  <CheckboxField
                    label={`Skip the ${conflicts.length} date(s) that don't fit`}
                    hint="Otherwise choose another time."
                    checked={skipConflicts}
                    onChange={(event) => setSkipConflicts(event.target.checked)}
                  />
                </div>
              )}
            </div>
          )}
        </div>
      )}

      {error && (
        <Notice tone="error" className="mt-4">
          {errorMessage(error)}
        </Notice>
      )}

      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={pending}>
          Not now
        </Button>
        {repeat === "once" ? (
          <Button onClick={confirm} pending={oneTime.pending} pendingLabel="Booking…">
            Book this session
          </Button>
        ) : (
          <Button
            onClick={confirm}
            disabled={!preview || fitting === 0 || (conflicts.length > 0 && !skipConflicts)}
            pending={recurring.pending}
            pendingLabel="Booking…"
          >
            {preview ? `Book ${fitting} session${fitting === 1 ? "" : "s"}` : "Book the series"}
          </Button>
        )}
      </div>
    </Dialog>
  );
}
