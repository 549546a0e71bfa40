"use client";
// The coach's booking settings: minimum notice and default session length.
import { useState } from "react";
import { updateCoachSettingsAction } from "@/actions/availability-actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { errorMessage, useAction } from "@/components/use-action";
import { numberFromInput } from "@/lib/number-input";

export function BookingSettingsForm({
  coachId,
  minimumNoticeMinutes,
  defaultDuration,
}: {
  coachId: string;
  minimumNoticeMinutes: number;
  defaultDuration: number;
}) {
  const [notice, setNotice] = useState(String(minimumNoticeMinutes));
  const [duration, setDuration] = useState(String(defaultDuration));
  const [saved, setSaved] = useState(false);
  const save = useAction(updateCoachSettingsAction);

  return (
    <form
      noValidate
      className="grid gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setSaved(false);
        const result = await save.run({ coachId, minimumNoticeMinutes: numberFromInput(notice), defaultDuration: numberFromInput(duration) });
        if (result) setSaved(true);
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Minimum notice (minutes)"
          type="number"
          inputMode="numeric"
          min={0}
          max={10080}
          step={15}
          value={notice}
          onChange={(event) => (setNotice(event.target.value), setSaved(false))}
          hint="How long before a session members must book it. 120 = two hours."
          error={save.fieldError("minimumNoticeMinutes")}
        />
        <TextField
          label="Default session length (minutes)"
          type="number"
          inputMode="numeric"
          min={15}
          max={480}
          step={15}
          value={duration}
          onChange={(event) => (setDuration(event.target.value), setSaved(false))}
          hint="A multiple of 15, up to 480."
          error={save.fieldError("defaultDuration")}
        />
      </div>
      {save.error && !save.error.fields && <Notice tone="error">{errorMessage(save.error)}</Notice>}
      {saved && <Notice tone="success">Settings saved.</Notice>}
      <div>
        <Button type="submit" pending={save.pending} pendingLabel="Saving…">
          Save settings
        </Button>
      </div>
    </form>
  );
}
