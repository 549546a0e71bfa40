"use client";
// Tells the server the browser's time zone (a cookie read by viewerZone())
// and re-renders once when it differs from what the page was drawn in, so
// every time on every page is in the viewer's own zone.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function TimeZoneSync({ cookieName, renderedZone }: { cookieName: string; renderedZone: string }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const current = document.cookie.split("; ").find((entry) => entry.startsWith(`${cookieName}=`))?.split("=")[1];
    if (current !== encodeURIComponent(zone)) {
      document.cookie = `${cookieName}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    }
    if (zone !== renderedZone) router.refresh();
  }, [cookieName, renderedZone, router]);
  return null;
}
