"use client";
// A coach's time zone (the zone of their weekly hours and series), set by
// the owner. Empty means the business zone. The use case's message for a
// zone it does not know appears under the field.
import { useState, type FormEvent } from "react";
import { updateUserAction } from "@/actions/user-actions";
import { Button } from "../ui/button";
import { Notice } from "../ui/card";
import { errorMessage, useAction } from "../use-action";
import { TimeZoneField } from "./time-zone-field";

export function CoachTimeZoneForm({ coachId, timezone, businessZone }: { coachId: string; timezone: string | null; businessZone: string }) {
  const { run, pending, error, fieldError, clearError } = useAction(updateUserAction);
  const [value, setValue] = useState(timezone ?? "");
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    setSaved((await run({ id: coachId, timezone: value.trim() || null })) !== null);
  }

  const zoneError = fieldError("timezone");
  return (
    <form onSubmit={submit} noValidate className="grid gap-2">
      <div className="flex flex-wrap items-start gap-2">
        <TimeZoneField
          name="timezone"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setSaved(false);
            clearError();
          }}
          hint={`Of their weekly hours and bookings. Empty: the business zone (${businessZone}).`}
          error={zoneError}
          className="min-w-0 flex-1 basis-56 sm:max-w-md"
        />
        <Button type="submit" variant="secondary" pending={pending} pendingLabel="Saving…" className="sm:mt-6">
          Save time zone
        </Button>
      </div>
      {error && !zoneError && <Notice tone="error">{errorMessage(error)}</Notice>}
      {saved && <Notice tone="success">Time zone saved.</Notice>}
    </form>
  );
}
