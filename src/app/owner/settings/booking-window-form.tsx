"use client";
// The owner sets the booking window: how many days ahead anything may be booked.
import { NumberSettingForm } from "./number-setting-form";

export function BookingWindowForm({ bookingWindowDays }: { bookingWindowDays: number }) {
  return (
    <NumberSettingForm
      field="bookingWindowDays"
      value={bookingWindowDays}
      label="Booking window (days)"
      min={1}
      max={3650}
      hint="How many days ahead members and coaches may book sessions, start a weekly series or plan time off: 1 to 3650."
      savedText="Booking window saved."
    />
  );
}
