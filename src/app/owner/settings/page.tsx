// The studio's settings for the owner: the booking window (how far ahead
// anything may be booked or planned), whether members must verify their
// e-mail address to book, and the class waitlist's cut-off.
import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { getStudioSettings } from "@/server/studio-settings/get-studio-settings";
import { getViewer } from "@/server/viewer";
import { BookingWindowForm } from "./booking-window-form";
import { VerifiedEmailForm } from "./verified-email-form";
import { WaitlistCutoffForm } from "./waitlist-cutoff-form";

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
      <Card className="mt-6 max-w-xl">
        <h2 className="text-lg font-semibold">Verified e-mail to book</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">
          Everyone who signs up gets a link to confirm their e-mail address. Signing in never needs it; booking can.
          People you add yourself are already verified.
        </p>
        <VerifiedEmailForm requireVerifiedEmail={settings.requireVerifiedEmail} />
      </Card>
      <Card className="mt-6 max-w-xl">
        <h2 className="text-lg font-semibold">Class waitlist cut-off</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">
          When someone gives up a place in a full class, the first member on its waitlist gets it and is told. Closer to
          the class than this, nobody is promoted at such short notice: the place stays open to whoever enrols.
        </p>
        <WaitlistCutoffForm waitlistCutoffMinutes={settings.waitlistCutoffMinutes} />
      </Card>
    </>
  );
}
