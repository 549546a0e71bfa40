"use client";
// The owner sets the class waitlist's cut-off: how late before a class a freed place still goes to the waitlist.
import { NumberSettingForm } from "./number-setting-form";

export function WaitlistCutoffForm({ waitlistCutoffMinutes }: { waitlistCutoffMinutes: number }) {
  return (
    <NumberSettingForm
      field="waitlistCutoffMinutes"
      value={waitlistCutoffMinutes}
      label="Waitlist cut-off (minutes before a class)"
      min={0}
      max={10080}
      hint="A place given up later than this before a class is not offered to the waitlist: 0 (until the start) to 10080 (a week). Default 120."
      savedText="Waitlist cut-off saved."
    />
  );
}
