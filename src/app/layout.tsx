// The root layout: plain HTML and system fonts (nothing fetched at build time).
import type { Metadata } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = {
  title: "Coachbook",
  description: "Booking for coaching businesses: availability, recurring bookings, sessions.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: 0, lineHeight: 1.5 }}>{children}</body>
    </html>
  );
}
