// The studio's settings as every signed-in user may read them: the booking
// window, so a booking form can say how far ahead it accepts.
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { studioSettings } from "@/db/schema";
import { DEFAULT_BOOKING_WINDOW_DAYS } from "./booking-window";

export interface StudioSettingsView {
  /** Bookings, series start dates, time off and extra hours lie at most this many days ahead. */
  bookingWindowDays: number;
  updatedAt: string | null;
}

export async function getStudioSettings(options: { db: DatabaseOrTransaction; actor: Actor | null }): Promise<StudioSettingsView> {
  assertCan(options.actor, "studio:read");
  const [row] = await options.db.select().from(studioSettings).limit(1);
  return toView(row);
}

export function toView(row: { bookingWindowDays: number; updatedAt: Date } | undefined): StudioSettingsView {
  return {
    bookingWindowDays: row?.bookingWindowDays ?? DEFAULT_BOOKING_WINDOW_DAYS,
    updatedAt: row ? row.updatedAt.toISOString() : null,
  };
}
