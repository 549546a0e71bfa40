"use client";
// The owner sets the booking window: how many days ahead anything may be booked.
import { useState } from "react";
import { updateStudioSettingsAction } from "@/actions/studio-settings-actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { errorMessage, useAction } from "@/components/use-action";
import { numberFromInput } from "@/lib/number-input";

export function BookingWindowForm({ bookingWindowDays }: { bookingWindowDays: number }) {
  const [days, setDays] = useState(String(bookingWindowDays));
  const [saved, setSaved] = useState(false);
  const save = useAction(updateStudioSettingsAction);

  return (
    <form
      noValidate
      className="grid gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setSaved(false);
        const result = await save.run({ bookingWindowDays: numberFromInput(days) });
        if (result) setSaved(true);
      }}
    >
      <TextField
        label="Booking window (days)"
        type="number"
        inputMode="numeric"
        min={1}
        max={3650}
        value={days}
        onChange={(event) => (setDays(event.target.value), setSaved(false))}
        hint="How many days ahead members and coaches may book sessions, start a weekly series or plan time off: 1 to 3650."
        error={save.fieldError("bookingWindowDays")}
      />
      {save.error && !save.error.fields && <Notice tone="error">{errorMessage(save.error)}</Notice>}
      {saved && <Notice tone="success">Booking window saved.</Notice>}
      <div>
        <Button type="submit" pending={save.pending} pendingLabel="Saving…">
          Save
        </Button>
      </div>
    </form>
  );
}
