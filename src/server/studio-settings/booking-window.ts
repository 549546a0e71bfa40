// The booking window: how far ahead anything may be booked or planned
// (one-time bookings, a series' start date, time off, extra hours), a
// studio setting (studio_settings.booking_window_days, default 365). Without
// it a booking in year 9999 was accepted. A series with no end is fine: the
// generation horizon already bounds how far its sessions are made.
import { eq } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db";
import { studioSettings } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { instantToWallClock } from "@/domain/time";

export const DEFAULT_BOOKING_WINDOW_DAYS = 365;
export const MAX_BOOKING_WINDOW_DAYS = 3650;
const DAY_MS = 86_400_000;

/** The window in days (the single row; the default should it be missing). */
export async function bookingWindowDays(db: DatabaseOrTransaction): Promise<number> {
  const [row] = await db
    .select({ days: studioSettings.bookingWindowDays })
    .from(studioSettings)
    .where(eq(studioSettings.id, true));
  return row?.days ?? DEFAULT_BOOKING_WINDOW_DAYS;
}

/** The last instant inside the window: now + the window's days. */
export async function bookingWindowEnd(db: DatabaseOrTransaction, now: Date): Promise<{ days: number; end: Date }> {
  const days = await bookingWindowDays(db);
  return { days, end: new Date(now.getTime() + days * DAY_MS) };
}

/** 400 naming `field` when the instant `at` lies beyond now + the booking window. */
export async function assertInstantInBookingWindow(
  db: DatabaseOrTransaction,
  options: { field: string; at: Date; now: Date },
): Promise<void> {
  const { days, end } = await bookingWindowEnd(db, options.now);
  if (options.at.getTime() > end.getTime()) {
    throw beyondWindow(options.field, days, end.toISOString());
  }
}

/**
 * 400 naming `field` when the calendar date `date` (in `zone`) lies after the
 * window's last day there.
 */
export async function assertDateInBookingWindow(
  db: DatabaseOrTransaction,
  options: { field: string; date: string; zone: string; now: Date },
): Promise<void> {
  const { days, end } = await bookingWindowEnd(db, options.now);
  const lastDay = instantToWallClock(end, options.zone).date;
  if (options.date > lastDay) throw beyondWindow(options.field, days, `${lastDay} (${options.zone})`);
}

function beyondWindow(field: string, days: number, last: string): AppError {
  const reason = `Must be within the booking window: at most ${days} days ahead (until ${last})`;
  return new AppError("invalid_input", `${field}: ${reason}`, { [field]: reason });
}
