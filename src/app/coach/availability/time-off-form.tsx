"use client";
// Adding time off in two steps: first the sessions it would hit
// (previewTimeOffAction, which writes nothing), then the coach chooses to
// keep or cancel them and confirms (createTimeOffAction with
// cancelAffected). Changing the dates after checking asks to check again, so
// the choice always concerns the sessions shown.
import { useState } from "react";
import { createTimeOffAction, previewTimeOffAction } from "@/actions/availability-actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { errorMessage, useAction } from "@/components/use-action";
import { zoneName } from "@/lib/time-format";
import type { SessionView } from "@/server/sessions/session-view";
import { AffectedSessionList } from "./time-views";

const EMPTY = { startDate: "", startTime: "00:00", endDate: "", endTime: "23:59", reason: "" };

export function TimeOffForm({ coachId, coachZone, viewerZone }: { coachId: string; coachZone: string; viewerZone: string }) {
  const [values, setValues] = useState(EMPTY);
  const [hit, setHit] = useState<SessionView[] | null>(null);
  const [choice, setChoice] = useState<"keep" | "cancel">("keep");
  const [done, setDone] = useState<string | null>(null);
  const preview = useAction(previewTimeOffAction);
  const create = useAction(createTimeOffAction);
  const error = create.error ?? preview.error;
  const fieldError = (field: string) => create.fieldError(field) ?? preview.fieldError(field);

  const input = () => ({
    coachId,
    zone: coachZone,
    startDate: values.startDate,
    startTime: values.startTime,
    endDate: values.endDate || values.startDate,
    endTime: values.endTime,
    ...(values.reason.trim() ? { reason: values.reason.trim() } : {}),
  });

  function change(field: keyof typeof EMPTY, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setHit(null);
    setDone(null);
    preview.clearError();
    create.clearError();
  }

  async function check() {
    setDone(null);
    create.clearError();
    const result = await preview.run(input());
    if (result) {
      setHit(result.affected);
      setChoice("keep");
    }
  }

  async function confirm() {
    const result = await create.run({ ...input(), cancelAffected: hit !== null && hit.length > 0 && choice === "cancel" });
    if (!result) return;
    setValues(EMPTY);
    setHit(null);
    const count = result.affected.length;
    setDone(
      count === 0
        ? "Time off added."
        : result.cancelled > 0
          ? `Time off added; ${result.cancelled} session${result.cancelled === 1 ? "" : "s"} cancelled.`
          : `Time off added; ${count} session${count === 1 ? "" : "s"} kept.`,
    );
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void (hit === null ? check() : confirm());
      }}
      noValidate
      className="grid gap-3"
    >
      <p className="text-sm text-slate-600">Dates and times in {zoneName(coachZone)}. Members cannot book you then.</p>
      <div className="grid grid-cols-[minmax(0,1.25fr)_minmax(0,1fr)] items-start gap-3 lg:grid-cols-4 [&>*]:min-w-0 [&_input]:px-2 sm:[&_input]:px-3">
        <TextField label="From date" type="date" required value={values.startDate} onChange={(event) => change("startDate", event.target.value)} error={fieldError("startsAt")} />
        <TextField label="From time" type="time" required value={values.startTime} onChange={(event) => change("startTime", event.target.value)} />
        <TextField
          label="Until date"
          type="date"
          value={values.endDate}
          onChange={(event) => change("endDate", event.target.value)}
          hint="Empty: the same day"
          error={fieldError("endsAt")}
        />
        <TextField label="Until time" type="time" required value={values.endTime} onChange={(event) => change("endTime", event.target.value)} />
      </div>
      <TextField
        label="Reason (optional)"
        value={values.reason}
        maxLength={500}
        onChange={(event) => change("reason", event.target.value)}
        hint="Shown to members whose sessions you cancel."
        error={fieldError("reason")}
      />

      {error && !fieldError("startsAt") && !fieldError("endsAt") && !fieldError("reason") && (
        <Notice tone="error">{errorMessage(error)}</Notice>
      )}
      {done && <Notice tone="success">{done}</Notice>}

      {hit !== null && hit.length === 0 && <Notice tone="info">No booked session falls in this time.</Notice>}
      {hit !== null && hit.length > 0 && (
        <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-medium">
            This time off hits {hit.length === 1 ? "1 booked session" : `${hit.length} booked sessions`}:
          </p>
          <AffectedSessionList sessions={hit} zone={viewerZone} />
          <fieldset className="mt-3 grid gap-2">
            <legend className="font-medium">What should happen to {hit.length === 1 ? "it" : "them"}?</legend>
            <label className="flex items-start gap-2">
              <input type="radio" name="affected" value="keep" checked={choice === "keep"} onChange={() => setChoice("keep")} className="mt-1 size-4 accent-brand-600" />
              <span>Keep {hit.length === 1 ? "it: the member still comes" : "them: the members still come"}</span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="affected" value="cancel" checked={choice === "cancel"} onChange={() => setChoice("cancel")} className="mt-1 size-4 accent-brand-600" />
              <span>Cancel {hit.length === 1 ? "it: the member sees it cancelled" : "them: the members see them cancelled"}</span>
            </label>
          </fieldset>
        </div>
      )}

      <div className="flex flex-wrap gap-2">
        {hit === null ? (
          <Button type="submit" pending={preview.pending} pendingLabel="Checking…">
            Check sessions
          </Button>
        ) : (
          <>
            <Button type="submit" pending={create.pending} pendingLabel="Adding…">
              Add time off
            </Button>
            <Button variant="secondary" onClick={() => setHit(null)} disabled={create.pending}>
              Change dates
            </Button>
          </>
        )}
      </div>
    </form>
  );
}
