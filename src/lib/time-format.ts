// How the web app writes dates and times: always in an explicit IANA zone
// (the viewer's), 24-hour, with a fixed locale so the server's HTML and the
// browser's hydration agree. Pure: used by server and client components.
const LOCALE = "en-GB";

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE, { timeZone: zone, ...options });
    formatters.set(key, format);
  }
  return format;
}

const asDate = (instant: string | Date) => (typeof instant === "string" ? new Date(instant) : instant);

/** "Tue 1 Dec" (with the year when `withYear`). */
export function formatDay(instant: string | Date, zone: string, withYear = false): string {
  return formatter(zone, { weekday: "short", day: "numeric", month: "short", ...(withYear ? { year: "numeric" } : {}) })
    .format(asDate(instant))
    .replace(",", "");
}

/** "09:30" */
export function formatTime(instant: string | Date, zone: string): string {
  return formatter(zone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(asDate(instant));
}

/** "10:00–11:00" */
export function formatTimeRange(startsAt: string | Date, endsAt: string | Date, zone: string): string {
  return `${formatTime(startsAt, zone)}–${formatTime(endsAt, zone)}`;
}

/** "Tue 1 Dec, 10:00–11:00" */
export function formatSessionTime(startsAt: string | Date, endsAt: string | Date, zone: string): string {
  return `${formatDay(startsAt, zone)}, ${formatTimeRange(startsAt, endsAt, zone)}`;
}

/** "Tue 1 Dec, 09:00–12:00", or "Tue 1 Dec 09:00 – Thu 3 Dec 18:00" across days. */
export function formatWindow(startsAt: string, endsAt: string, zone: string): string {
  // An end at midnight belongs to the day before ("until the end of Tuesday").
  const lastMoment = new Date(new Date(endsAt).getTime() - 1).toISOString();
  if (dateInZone(startsAt, zone) === dateInZone(lastMoment, zone)) return formatSessionTime(startsAt, endsAt, zone);
  return `${formatDay(startsAt, zone)} ${formatTime(startsAt, zone)} – ${formatDay(endsAt, zone)} ${formatTime(endsAt, zone)}`;
}

/** "Paris time", "New York time", "UTC": how the app names a zone to people. */
export function zoneName(zone: string): string {
  if (zone === "UTC" || zone === "Etc/UTC") return "UTC";
  const city = zone.split("/").pop()!.replaceAll("_", " ");
  return `${city} time`;
}

/** A calendar date "YYYY-MM-DD" in `zone` at `instant`. */
export function dateInZone(instant: string | Date, zone: string): string {
  const parts = formatter(zone, { year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(asDate(instant));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** "Tuesday 1 December 2026" for a calendar date (no zone involved). */
export function formatCalendarDate(date: string, style: "long" | "short" = "long"): string {
  const [y, m, d] = date.split("-").map(Number);
  return formatter("UTC", style === "long"
    ? { weekday: "long", day: "numeric", month: "long", year: "numeric" }
    : { weekday: "short", day: "numeric", month: "short" })
    .format(new Date(Date.UTC(y!, m! - 1, d!)))
    .replace(",", "");
}

/** The calendar date `days` after `date` ("YYYY-MM-DD"). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** The Monday of the week that contains `date`. */
export function mondayOf(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const weekday = new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** True for a real calendar date written "YYYY-MM-DD". */
export function isCalendarDate(value: string | undefined | null): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

export const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** The wall clock of `instant` in `zone`: its date, "HH:MM" and day of week (0 = Sunday). */
export function wallClockIn(instant: string | Date, zone: string): { date: string; time: string; dayOfWeek: number } {
  const date = dateInZone(instant, zone);
  const [y, m, d] = date.split("-").map(Number);
  return { date, time: formatTime(instant, zone), dayOfWeek: new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay() };
}
