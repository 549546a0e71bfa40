// The studio's settings for the owner: the booking window (how far ahead
// anything may be booked or planned).
import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { getStudioSettings } from "@/server/studio-settings/get-studio-settings";
import { getViewer } from "@/server/viewer";
import { BookingWindowForm } from "./booking-window-form";

export const metadata: Metadata = { title: "Settings" };

export default async function StudioSettingsPage() {
  const { actor, db } = await getViewer("owner");
  const settings = await getStudioSettings({ db, actor });
  return (
    <>
      <PageHeader title="Studio settings" description="Rules that apply to every coach and member." />
      <Card className="max-w-xl">
        <h2 className="text-lg font-semibold">Booking window</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">
          One-time bookings, the start of a weekly series, time off and extra hours may lie at most this many days ahead.
          Bookings already made further ahead are kept. A weekly series without an end date keeps running: its sessions
          are created a few weeks ahead at a time.
        </p>
        <BookingWindowForm bookingWindowDays={settings.bookingWindowDays} />
      </Card>
    </>
  );
}
