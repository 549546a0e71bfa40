// The studio's settings as every signed-in user may read them: the booking
// window, so a booking form can say how far ahead it accepts, whether a
// member must have verified their e-mail address to book, and the class
// waitlist's cut-off (how late before a class a freed place still goes to
// the waitlist).
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { studioSettings } from "@/db/schema";
import { z } from "zod";
import { instant } from "../view-fields";
import { DEFAULT_BOOKING_WINDOW_DAYS } from "./booking-window";
import { DEFAULT_WAITLIST_CUTOFF_MINUTES, MAX_WAITLIST_CUTOFF_MINUTES } from "./waitlist-cutoff";

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
    waitlistCutoffMinutes: z
      .number()
      .int()
      .min(0)
      .max(MAX_WAITLIST_CUTOFF_MINUTES)
      .describe(
        "A place freed in a class goes to the first on its waitlist only until this many minutes before the class starts; later, nobody is promoted at such short notice and the place stays open to whoever enrols. 0: until the start.",
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

export function toView(
  row: { bookingWindowDays: number; requireVerifiedEmail: boolean; waitlistCutoffMinutes: number; updatedAt: Date } | undefined,
): StudioSettingsView {
  return {
    bookingWindowDays: row?.bookingWindowDays ?? DEFAULT_BOOKING_WINDOW_DAYS,
    requireVerifiedEmail: row?.requireVerifiedEmail ?? false,
    waitlistCutoffMinutes: row?.waitlistCutoffMinutes ?? DEFAULT_WAITLIST_CUTOFF_MINUTES,
    updatedAt: row ? row.updatedAt.toISOString() : null,
  };
}
