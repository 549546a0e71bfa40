"use client";
// Scheduling a one-off class: a title, a date and a start on the coach's
// clock, a length and a capacity. The use case refuses a time the coach is
// away or already busy; its message is shown as it is.
import Link from "next/link";
import { useId, useState } from "react";
import { createClassAction } from "@/actions/class-actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { errorMessage, useAction } from "@/components/use-action";
import { numberFromInput } from "@/lib/number-input";
import { formatSessionTime, zoneName } from "@/lib/time-format";

const EMPTY = { title: "", date: "", startTime: "18:00", lengthMinutes: "60", capacity: "8" };
const OWN_FIELDS = ["title", "startsAt", "endsAt", "capacity"];

export function ClassForm({
  coachId,
  coachZone,
  viewerZone,
  classesPath,
}: {
  coachId: string;
  coachZone: string;
  viewerZone: string;
  /** Where a class's page lives: /coach/classes or /owner/classes. */
  classesPath: string;
}) {
  const headingId = useId();
  const [values, setValues] = useState(EMPTY);
  const [created, setCreated] = useState<{ id: string; title: string; when: string } | null>(null);
  const create = useAction(createClassAction);
  const change = (field: keyof typeof EMPTY, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setCreated(null);
  };

  return (
    <form
      aria-labelledby={headingId}
      noValidate
      className="grid gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setCreated(null);
        const result = await create.run({
          coachId,
          zone: coachZone,
          title: values.title,
          date: values.date,
          startTime: values.startTime,
          lengthMinutes: numberFromInput(values.lengthMinutes),
          capacity: numberFromInput(values.capacity),
        });
        if (result) {
          setCreated({ id: result.class.id, title: result.class.title, when: formatSessionTime(result.class.startsAt, result.class.endsAt, viewerZone) });
          setValues((current) => ({ ...current, title: "", date: "" }));
        }
      }}
    >
      <h3 id={headingId} className="text-base font-semibold text-slate-900">
        Schedule a class
      </h3>
      <p className="text-sm text-slate-600">One class on one date. Date and start in {zoneName(coachZone)}.</p>
      <TextField label="Title" value={values.title} maxLength={120} required onChange={(event) => change("title", event.target.value)} error={create.fieldError("title")} />
      <div className="grid grid-cols-2 items-start gap-3 lg:grid-cols-4 [&>*]:min-w-0 [&_input]:px-2 sm:[&_input]:px-3">
        <TextField label="Date" type="date" required value={values.date} onChange={(event) => change("date", event.target.value)} error={create.fieldError("startsAt")} />
        <TextField label="Start" type="time" required value={values.startTime} onChange={(event) => change("startTime", event.target.value)} />
        <TextField
          label="Length (minutes)"
          type="number"
          inputMode="numeric"
          min={5}
          max={480}
          step={5}
          required
          value={values.lengthMinutes}
          onChange={(event) => change("lengthMinutes", event.target.value)}
          error={create.fieldError("endsAt")}
        />
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
      {created && (
        <Notice tone="success">
          Scheduled: {created.title}, {created.when}.{" "}
          <Link href={`${classesPath}/${created.id}`} className="font-medium underline">
            Open the class
          </Link>
        </Notice>
      )}
      <div>
        <Button type="submit" pending={create.pending} pendingLabel="Scheduling…">
          Schedule class
        </Button>
      </div>
    </form>
  );
}
