// The owner changes the studio's settings: the booking window, 1 to 3650
// days; whether members must verify their e-mail address to book; the class
// waitlist's cut-off, 0 to 10080 minutes (any of them, at least one, in a
// request). Existing bookings beyond a shortened window are kept; the window
// only limits what is booked or planned from now on.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { studioSettings } from "@/db/schema";
import { parseInput } from "../validation";
import { MAX_BOOKING_WINDOW_DAYS } from "./booking-window";
import { toView, type StudioSettingsView } from "./get-studio-settings";
import { MAX_WAITLIST_CUTOFF_MINUTES } from "./waitlist-cutoff";

/** The PATCH body: the settings to change, at least one. */
export const updateStudioSettingsInput = z
  .strictObject({
    bookingWindowDays: z
      .number({ error: "Must be a whole number of days" })
      .int("Must be a whole number of days")
      .min(1, `Must be 1 to ${MAX_BOOKING_WINDOW_DAYS} days`)
      .max(MAX_BOOKING_WINDOW_DAYS, `Must be 1 to ${MAX_BOOKING_WINDOW_DAYS} days`)
      .optional(),
    requireVerifiedEmail: z.boolean({ error: "Must be true or false" }).optional(),
    waitlistCutoffMinutes: z
      .number({ error: "Must be a whole number of minutes" })
      .int("Must be a whole number of minutes")
      .min(0, `Must be 0 to ${MAX_WAITLIST_CUTOFF_MINUTES} minutes (a week)`)
      .max(MAX_WAITLIST_CUTOFF_MINUTES, `Must be 0 to ${MAX_WAITLIST_CUTOFF_MINUTES} minutes (a week)`)
      .optional(),
  })
  .superRefine((input, context) => {
    if (input.bookingWindowDays === undefined && input.requireVerifiedEmail === undefined && input.waitlistCutoffMinutes === undefined) {
      context.addIssue({
        code: "custom",
        path: ["bookingWindowDays"],
        message: "Give at least one of bookingWindowDays, requireVerifiedEmail, waitlistCutoffMinutes",
      });
    }
  });

export type UpdateStudioSettingsInput = z.input<typeof updateStudioSettingsInput>;

export async function updateStudioSettings(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: UpdateStudioSettingsInput;
}): Promise<StudioSettingsView> {
  assertCan(options.actor, "studio:manage");
  const input = parseInput(updateStudioSettingsInput, options.input);
  // An upsert: the migration inserts the single row, but a restored or
  // hand-made database might lack it.
  const changes = {
    ...(input.bookingWindowDays === undefined ? {} : { bookingWindowDays: input.bookingWindowDays }),
    ...(input.requireVerifiedEmail === undefined ? {} : { requireVerifiedEmail: input.requireVerifiedEmail }),
    ...(input.waitlistCutoffMinutes === undefined ? {} : { waitlistCutoffMinutes: input.waitlistCutoffMinutes }),
  };
  const [row] = await options.db
    .insert(studioSettings)
    .values({ id: true, ...changes })
    .onConflictDoUpdate({ target: studioSettings.id, set: { ...changes, updatedAt: sql`now()` } })
    .returning();
  return toView(row);
}
