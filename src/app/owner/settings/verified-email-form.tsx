"use client";
// The owner decides whether members must verify their e-mail address before they book.
import { useState } from "react";
import { updateStudioSettingsAction } from "@/actions/studio-settings-actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { CheckboxField } from "@/components/ui/field";
import { errorMessage, useAction } from "@/components/use-action";

export function VerifiedEmailForm({ requireVerifiedEmail }: { requireVerifiedEmail: boolean }) {
  const [required, setRequired] = useState(requireVerifiedEmail);
  const [saved, setSaved] = useState(false);
  const save = useAction(updateStudioSettingsAction);

  return (
    <form
      noValidate
      className="grid gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setSaved(false);
        const result = await save.run({ requireVerifiedEmail: required });
        if (result) setSaved(true);
      }}
    >
      <CheckboxField
        label="Members must verify their e-mail address to book"
        name="requireVerifiedEmail"
        checked={required}
        onChange={(event) => (setRequired(event.target.checked), setSaved(false))}
        hint="Off: anyone who signed up may book at once. On: a member books only after opening the link we e-mail them. Coaches and owners booking for a member are never held back."
      />
      {save.error && <Notice tone="error">{save.fieldError("requireVerifiedEmail") ?? errorMessage(save.error)}</Notice>}
      {saved && <Notice tone="success">Saved.</Notice>}
      <div>
        <Button type="submit" pending={save.pending} pendingLabel="Saving…">
          Save
        </Button>
      </div>
    </form>
  );
}
