// The studio's settings as every signed-in user may read them: the booking
// window, so a booking form can say how far ahead it accepts, and whether a
// member must have verified their e-mail address to book.
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { studioSettings } from "@/db/schema";
import { z } from "zod";
import { instant } from "../view-fields";
import { DEFAULT_BOOKING_WINDOW_DAYS } from "./booking-window";

export const studioSettingsViewSchema = z
  .strictObject({
    bookingWindowDays: z
      .number()
      .int()
      .min(1)
      .max(3650)
      .describe(
        "One-time bookings (startsAt), a weekly series' startDate, time off and extra hours (startsAt) lie at most this many days ahead; further is a 400 naming the field.",
      ),
    requireVerifiedEmail: z
      .boolean()
      .describe(
        "When true, a member whose e-mail address is not verified may not book (403 on one-time and weekly bookings); a coach or the owner booking for them is not held back.",
      ),
    updatedAt: instant.nullable().describe("When the owner last changed them."),
  })
  .describe("Settings that apply to the whole studio.");

export type StudioSettingsView = z.infer<typeof studioSettingsViewSchema>;

export async function getStudioSettings(options: { db: DatabaseOrTransaction; actor: Actor | null }): Promise<StudioSettingsView> {
  assertCan(options.actor, "studio:read");
  const [row] = await options.db.select().from(studioSettings).limit(1);
  return toView(row);
}

export function toView(row: { bookingWindowDays: number; requireVerifiedEmail: boolean; updatedAt: Date } | undefined): StudioSettingsView {
  return {
    bookingWindowDays: row?.bookingWindowDays ?? DEFAULT_BOOKING_WINDOW_DAYS,
    requireVerifiedEmail: row?.requireVerifiedEmail ?? false,
    updatedAt: row ? row.updatedAt.toISOString() : null,
  };
}
