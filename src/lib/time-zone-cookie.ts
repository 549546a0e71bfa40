// The cookie in which the browser tells the server its IANA time zone, so
// server-rendered pages show times in the viewer's zone.
export const TIME_ZONE_COOKIE = "coachbook-tz";

/** Browser only: stores this browser's zone in the cookie; answers the zone. */
export function rememberBrowserTimeZone(): string | null {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) return null;
  const value = encodeURIComponent(zone);
  const current = document.cookie.split("; ").find((entry) => entry.startsWith(`${TIME_ZONE_COOKIE}=`))?.slice(TIME_ZONE_COOKIE.length + 1);
  if (current !== value) document.cookie = `${TIME_ZONE_COOKIE}=${value}; path=/; max-age=31536000; samesite=lax`;
  return zone;
}
