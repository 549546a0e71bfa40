"use client";
// Keeps the browser's time zone in the cookie viewerZone() reads, and
// re-renders once when it differs from the zone the page was drawn in, so
// every time on every page is in the viewer's own zone.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { rememberBrowserTimeZone } from "@/lib/time-zone-cookie";

export function TimeZoneSync({ renderedZone }: { renderedZone: string }) {
  const router = useRouter();
  useEffect(() => {
    const zone = rememberBrowserTimeZone();
    if (zone && zone !== renderedZone) router.refresh();
  }, [renderedZone, router]);
  return null;
}
