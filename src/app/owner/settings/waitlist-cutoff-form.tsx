"use client";
// The owner sets the class waitlist's cut-off: how late before a class a freed place still goes to the waitlist.
import { useState } from "react";
import { updateStudioSettingsAction } from "@/actions/studio-settings-actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { errorMessage, useAction } from "@/components/use-action";
import { numberFromInput } from "@/lib/number-input";

export function WaitlistCutoffForm({ waitlistCutoffMinutes }: { waitlistCutoffMinutes: number }) {
  const [minutes, setMinutes] = useState(String(waitlistCutoffMinutes));
  const [saved, setSaved] = useState(false);
  const save = useAction(updateStudioSettingsAction);

  return (
    <form
      noValidate
      className="grid gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setSaved(false);
        const result = await save.run({ waitlistCutoffMinutes: numberFromInput(minutes) });
        if (result) setSaved(true);
      }}
    >
      <TextField
        label="Waitlist cut-off (minutes before a class)"
        type="number"
        inputMode="numeric"
        min={0}
        max={10080}
        value={minutes}
        onChange={(event) => (setMinutes(event.target.value), setSaved(false))}
        hint="A place given up later than this before a class is not offered to the waitlist: 0 (until the start) to 10080 (a week). Default 120."
        error={save.fieldError("waitlistCutoffMinutes")}
      />
      {save.error && !save.error.fields && <Notice tone="error">{errorMessage(save.error)}</Notice>}
      {saved && <Notice tone="success">Waitlist cut-off saved.</Notice>}
      <div>
        <Button type="submit" pending={save.pending} pendingLabel="Saving…">
          Save
        </Button>
      </div>
    </form>
  );
}
