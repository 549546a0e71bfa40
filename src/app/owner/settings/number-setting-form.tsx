"use client";
// One whole-number studio setting in a form of its own (the booking window,
// the class waitlist's cut-off): saved through the studio settings action,
// its error shown under the field the server names.
import { useState } from "react";
import { updateStudioSettingsAction } from "@/actions/studio-settings-actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { errorMessage, useAction } from "@/components/use-action";
import { numberFromInput } from "@/lib/number-input";

export interface NumberSettingFormProps {
  field: "bookingWindowDays" | "waitlistCutoffMinutes";
  value: number;
  label: string;
  min: number;
  max: number;
  hint: string;
  savedText: string;
}

export function NumberSettingForm({ field, value, label, min, max, hint, savedText }: NumberSettingFormProps) {
  const [text, setText] = useState(String(value));
  const [saved, setSaved] = useState(false);
  const save = useAction(updateStudioSettingsAction);

  return (
    <form
      noValidate
      className="grid gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setSaved(false);
        const result = await save.run({ [field]: numberFromInput(text) });
        if (result) setSaved(true);
      }}
    >
      <TextField
        label={label}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={text}
        onChange={(event) => (setText(event.target.value), setSaved(false))}
        hint={hint}
        error={save.fieldError(field)}
      />
      {save.error && !save.error.fields && <Notice tone="error">{errorMessage(save.error)}</Notice>}
      {saved && <Notice tone="success">{savedText}</Notice>}
      <div>
        <Button type="submit" pending={save.pending} pendingLabel="Saving…">
          Save
        </Button>
      </div>
    </form>
  );
}
