// The root layout: Tailwind styles and system fonts (nothing fetched at
// build or run time).
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Coachbook", template: "%s · Coachbook" },
  description: "Booking for coaching businesses: availability, recurring bookings, sessions.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1f5fbf" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="font-sans">{children}</body>
    </html>
  );
}
