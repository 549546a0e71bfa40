"use client";
// The booking dialog of a free slot: once, or every week or every N weeks
// (until a date or with no end), the series only after a preview of every
// occurrence up to the horizon with whether it fits and, if not, why.
import { useState } from "react";
import { createOneTimeBookingAction } from "@/actions/booking-actions";
import { createRecurringBookingAction, previewRecurringBookingAction } from "@/actions/recurring-booking-actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { errorMessage, useAction } from "@/components/use-action";
import { conflictReasonLabel } from "@/domain/conflict-reason";
import { DAY_NAMES, formatDay, formatSessionTime, formatTime, formatTimeRange, wallClockIn, zoneName } from "@/lib/time-format";
import type { OccurrenceOutcome } from "@/server/bookings/create-recurring-booking";

export interface Slot {
  startsAt: string;
  endsAt: string;
}

export interface Coach {
  id: string;
  name: string;
  timezone: string;
}

/** What the page confirms once a booking is made, with a link to where it now shows. */
export interface Booked {
  message: string;
  href: string;
  linkText: string;
}

type Repeat = "once" | "weekly";

export function BookingDialog({
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
  onBooked: (result: Booked) => void;
}) {
  const form = useBookingForm(slot, coach, zone, onBooked);

  const title = `Book ${formatSessionTime(slot.startsAt, slot.endsAt, zone)}`;
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && !form.pending && onClose()}
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
      <RepeatChoice
        value={form.repeat}
        weeklyLabel={`Every ${DAY_NAMES[wallClockIn(slot.startsAt, zone).dayOfWeek]}`}
        onChange={(value) => form.changeSeries(() => form.setRepeat(value))}
      />

      {form.repeat === "weekly" && (
        <div className="mt-4 grid gap-3">
          <SeriesFields
            frequency={form.frequency}
            endDate={form.endDate}
            minEndDate={form.start.date}
            onFrequency={(value) => form.changeSeries(() => form.setFrequency(value))}
            onEndDate={(value) => form.changeSeries(() => form.setEndDate(value))}
            errors={{
              frequency: form.recurring.fieldError("frequency"),
              endDate: form.recurring.fieldError("endDate") ?? form.previewing.fieldError("endDate"),
            }}
          />
          {!form.preview && (
            <Button variant="secondary" onClick={form.checkDates} pending={form.previewing.pending} pendingLabel="Checking the dates…">
              Check the dates
            </Button>
          )}
          {form.preview && (
            <SeriesPreview
              preview={form.preview}
              zone={zone}
              horizonWeeks={horizonWeeks}
              skipConflicts={form.skipConflicts}
              onSkipConflicts={form.setSkipConflicts}
            />
          )}
        </div>
      )}

      {form.error && (
        <Notice tone="error" className="mt-4">
          {errorMessage(form.error)}
        </Notice>
      )}

      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={form.pending}>
          Not now
        </Button>
        {form.repeat === "once" ? (
          <Button onClick={form.confirm} pending={form.oneTime.pending} pendingLabel="Booking…">
            Book this session
          </Button>
        ) : (
          <Button
            onClick={form.confirm}
            disabled={!form.preview || form.fitting === 0 || (form.conflicts.length > 0 && !form.skipConflicts)}
            pending={form.recurring.pending}
            pendingLabel="Booking…"
          >
            {form.preview ? `Book ${form.fitting} session${form.fitting === 1 ? "" : "s"}` : "Book the series"}
          </Button>
        )}
      </div>
    </Dialog>
  );
}

/** The dialog's state and what its buttons do: the booking once, or the series after its preview. */
function useBookingForm(slot: Slot, coach: Coach, zone: string, onBooked: (result: Booked) => void) {
  const [repeat, setRepeat] = useState<Repeat>("once");
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
      if (result) onBooked(bookedOnce(slot, coach, zone));
      return;
    }
    const result = await recurring.run({ ...series, onConflict: skipConflicts ? "skip" : "reject" });
    if (result) onBooked(bookedSeries(slot, zone, frequency, start.dayOfWeek, result));
  }

  return {
    repeat, setRepeat, frequency, setFrequency, endDate, setEndDate, skipConflicts, setSkipConflicts,
    preview, oneTime, recurring, previewing, start, conflicts, fitting, error, pending, changeSeries, checkDates, confirm,
  };
}

function bookedOnce(slot: Slot, coach: Coach, zone: string): Booked {
  return { message: `Booked: ${formatSessionTime(slot.startsAt, slot.endsAt, zone)} with ${coach.name}.`, href: "/member/sessions", linkText: "See my sessions" };
}

function bookedSeries(
  slot: Slot,
  zone: string,
  frequency: number,
  dayOfWeek: number,
  result: { sessions: unknown[]; skipped: unknown[] },
): Booked {
  const skipped = result.skipped.length ? ` ${result.skipped.length} date(s) skipped.` : "";
  return {
    message: `Booked every ${frequency === 1 ? "" : `${frequency} weeks on `}${DAY_NAMES[dayOfWeek]} at ${formatTime(slot.startsAt, zone)}: ${result.sessions.length} sessions so far.${skipped}`,
    href: "/member/recurring",
    linkText: "See my recurring bookings",
  };
}

/** Once or every week: two radio buttons as large labelled rows. */
function RepeatChoice({ value, weeklyLabel, onChange }: { value: Repeat; weeklyLabel: string; onChange: (value: Repeat) => void }) {
  const choices: ReadonlyArray<readonly [Repeat, string]> = [
    ["once", "Just this once"],
    ["weekly", weeklyLabel],
  ];
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium text-slate-800">How often?</legend>
      {choices.map(([choice, label]) => (
        <label key={choice} className="flex min-h-11 items-center gap-3 rounded-lg border border-slate-200 px-3 has-checked:border-brand-600 has-checked:bg-brand-50">
          <input
            type="radio"
            name="repeat"
            value={choice}
            checked={value === choice}
            onChange={() => onChange(choice)}
            className="size-4 accent-brand-600"
          />
          <span className="text-sm">{label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** How often (every 1–4 weeks) and until when (optional: no end). */
function SeriesFields({
  frequency,
  endDate,
  minEndDate,
  onFrequency,
  onEndDate,
  errors,
}: {
  frequency: number;
  endDate: string;
  minEndDate: string;
  onFrequency: (frequency: number) => void;
  onEndDate: (endDate: string) => void;
  errors: { frequency?: string; endDate?: string };
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <SelectField label="Repeat" value={String(frequency)} onChange={(event) => onFrequency(Number(event.target.value))} error={errors.frequency}>
        <option value="1">Every week</option>
        <option value="2">Every 2 weeks</option>
        <option value="3">Every 3 weeks</option>
        <option value="4">Every 4 weeks</option>
      </SelectField>
      <TextField
        label="Until (optional)"
        type="date"
        min={minEndDate}
        value={endDate}
        onChange={(event) => onEndDate(event.target.value)}
        hint="Leave empty to keep it going."
        error={errors.endDate}
      />
    </div>
  );
}

/** Every date of the series up to the horizon, free or why not, and the choice to skip those that don't fit. */
function SeriesPreview({
  preview,
  zone,
  horizonWeeks,
  skipConflicts,
  onSkipConflicts,
}: {
  preview: OccurrenceOutcome[];
  zone: string;
  horizonWeeks: number;
  skipConflicts: boolean;
  onSkipConflicts: (skip: boolean) => void;
}) {
  const conflicts = preview.filter((occurrence) => occurrence.reason !== null).length;
  return (
    <div>
      <h3 className="text-sm font-semibold">
        The next {horizonWeeks} weeks: {preview.length - conflicts} of {preview.length} dates free
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
      {conflicts > 0 && (
        <div className="mt-3">
          <CheckboxField
            label={`Skip the ${conflicts} date(s) that don't fit`}
            hint="Otherwise choose another time."
            checked={skipConflicts}
            onChange={(event) => onSkipConflicts(event.target.checked)}
          />
        </div>
      )}
    </div>
  );
}
