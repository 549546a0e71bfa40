"use client";
// Adding one-off extra hours on a date (e.g. a Saturday morning), in the
// coach's zone, on top of the weekly hours.
import { useState } from "react";
import { createAvailabilityAdditionAction } from "@/actions/availability-actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { errorMessage, useAction } from "@/components/use-action";
import { zoneName } from "@/lib/time-format";

const EMPTY = { date: "", startTime: "09:00", endTime: "12:00", reason: "" };

export function ExtraHoursForm({ coachId, coachZone }: { coachId: string; coachZone: string }) {
  const [values, setValues] = useState(EMPTY);
  const [added, setAdded] = useState(false);
  const add = useAction(createAvailabilityAdditionAction);
  const change = (field: keyof typeof EMPTY, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setAdded(false);
  };

  return (
    <form
      noValidate
      className="grid gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await add.run({
          coachId,
          zone: coachZone,
          startDate: values.date,
          startTime: values.startTime,
          endTime: values.endTime,
          ...(values.reason.trim() ? { reason: values.reason.trim() } : {}),
        });
        if (result) {
          setValues(EMPTY);
          setAdded(true);
        }
      }}
    >
      <p className="text-sm text-slate-600">Times in {zoneName(coachZone)}.</p>
      <div className="grid grid-cols-[minmax(0,1.25fr)_minmax(0,1fr)] items-start gap-3 lg:grid-cols-4 [&>*]:min-w-0 [&_input]:px-2 sm:[&_input]:px-3">
        <TextField label="Date" type="date" required value={values.date} onChange={(event) => change("date", event.target.value)} error={add.fieldError("startsAt")} className="col-span-2 lg:col-span-1" />
        <TextField label="From" type="time" required value={values.startTime} onChange={(event) => change("startTime", event.target.value)} />
        <TextField label="Until" type="time" required value={values.endTime} onChange={(event) => change("endTime", event.target.value)} error={add.fieldError("endsAt")} />
        <TextField label="Note (optional)" value={values.reason} maxLength={500} onChange={(event) => change("reason", event.target.value)} error={add.fieldError("reason")} className="col-span-2 lg:col-span-1" />
      </div>
      {add.error && !add.fieldError("startsAt") && !add.fieldError("endsAt") && !add.fieldError("reason") && (
        <Notice tone="error">{errorMessage(add.error)}</Notice>
      )}
      {added && <Notice tone="success">Extra hours added.</Notice>}
      <div>
        <Button type="submit" pending={add.pending} pendingLabel="Adding…">
          Add extra hours
        </Button>
      </div>
    </form>
  );
}
