"use client";
// Scheduling a weekly class: a day, a start and an end on the coach's
// clock, a first date and an optional last one, every 1 to 4 weeks, a
// title and a capacity. Its classes up to the horizon are placed at once;
// a date the coach is away or busy becomes a conflict, and the answer says
// how many.
import { useId, useState } from "react";
import { createClassSeriesAction } from "@/actions/class-actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { errorMessage, useAction } from "@/components/use-action";
import { numberFromInput } from "@/lib/number-input";
import { DAY_NAMES, zoneName } from "@/lib/time-format";

/** Monday first, as the calendars. */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];
const OWN_FIELDS = ["title", "dayOfWeek", "startTime", "endTime", "startDate", "endDate", "frequency", "capacity"];

export function ClassSeriesForm({ coachId, coachZone, today }: { coachId: string; coachZone: string; /** In the coach's zone. */ today: string }) {
  const headingId = useId();
  const empty = { title: "", dayOfWeek: "1", startTime: "18:00", endTime: "19:00", startDate: today, endDate: "", frequency: "1", capacity: "8" };
  const [values, setValues] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  const create = useAction(createClassSeriesAction);
  const change = (field: keyof typeof empty, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setDone(null);
  };

  return (
    <form
      aria-labelledby={headingId}
      noValidate
      className="grid gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setDone(null);
        const result = await create.run({
          coachId,
          title: values.title,
          dayOfWeek: Number(values.dayOfWeek),
          startTime: values.startTime,
          endTime: values.endTime,
          startDate: values.startDate,
          endDate: values.endDate || null,
          frequency: Number(values.frequency),
          capacity: numberFromInput(values.capacity),
        });
        if (!result) return;
        const placed = result.classes.length;
        const missed = result.conflicts.length;
        setDone(
          `Weekly class scheduled: ${result.classSeries.title}, ${placed} ${placed === 1 ? "class" : "classes"} so far.` +
            (missed > 0 ? ` ${missed} ${missed === 1 ? "date" : "dates"} could not be placed (time off or another session): see Conflicts.` : ""),
        );
        setValues({ ...empty, startDate: values.startDate });
      }}
    >
      <h3 id={headingId} className="text-base font-semibold text-slate-900">
        Schedule a weekly class
      </h3>
      <p className="text-sm text-slate-600">The same class every week (or every few weeks). Times in {zoneName(coachZone)}.</p>
      <TextField label="Title" value={values.title} maxLength={120} required onChange={(event) => change("title", event.target.value)} error={create.fieldError("title")} />
      <div className="grid grid-cols-2 items-start gap-3 lg:grid-cols-4 [&>*]:min-w-0 [&_input]:px-2 sm:[&_input]:px-3">
        <SelectField label="Day" value={values.dayOfWeek} onChange={(event) => change("dayOfWeek", event.target.value)} error={create.fieldError("dayOfWeek")}>
          {WEEKDAYS.map((day) => (
            <option key={day} value={day}>
              {DAY_NAMES[day]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Repeat" value={values.frequency} onChange={(event) => change("frequency", event.target.value)} error={create.fieldError("frequency")}>
          <option value="1">Every week</option>
          <option value="2">Every 2 weeks</option>
          <option value="3">Every 3 weeks</option>
          <option value="4">Every 4 weeks</option>
        </SelectField>
        <TextField label="Start" type="time" required value={values.startTime} onChange={(event) => change("startTime", event.target.value)} error={create.fieldError("startTime")} />
        <TextField label="End" type="time" required value={values.endTime} onChange={(event) => change("endTime", event.target.value)} error={create.fieldError("endTime")} />
        <TextField label="First date" type="date" required value={values.startDate} onChange={(event) => change("startDate", event.target.value)} error={create.fieldError("startDate")} hint="The first class is on the first chosen day from here." />
        <TextField label="Last date (optional)" type="date" value={values.endDate} onChange={(event) => change("endDate", event.target.value)} error={create.fieldError("endDate")} hint="Empty: no end date." />
        <TextField
          label="Places"
          type="number"
          inputMode="numeric"
          min={2}
          max={500}
          required
          value={values.capacity}
          onChange={(event) => change("capacity", event.target.value)}
          error={create.fieldError("capacity")}
        />
      </div>
      {create.error && !OWN_FIELDS.some((field) => create.fieldError(field)) && <Notice tone="error">{errorMessage(create.error)}</Notice>}
      {done && <Notice tone="success">{done}</Notice>}
      <div>
        <Button type="submit" pending={create.pending} pendingLabel="Scheduling…">
          Schedule weekly class
        </Button>
      </div>
    </form>
  );
}
