// The studio's settings: the booking window, whether members must verify their e-mail to book, and the class waitlist's cut-off.
import { updateStudioSettingsInput } from "@/server/studio-settings/update-studio-settings";
import { ref, type JsonSchema } from "../json-schema";
import type { PathSpecs } from "../operation";

const settings = ref("StudioSettings");
const envelope: JsonSchema = { type: "object", properties: { settings }, required: ["settings"] };

export const studioPaths: PathSpecs = {
  "/api/v1/studio-settings": {
    get: {
      operationId: "getStudioSettings",
      tag: "studio",
      summary: "The studio's settings (the booking window, verified e-mail to book, the waitlist cut-off)",
      access: { permission: "studio:read" },
      success: {
        status: 200,
        description: "The settings.",
        schema: envelope,
        example: { settings: { bookingWindowDays: 365, requireVerifiedEmail: false, waitlistCutoffMinutes: 120, updatedAt: "2030-03-01T09:00:00.000Z" } },
      },
      errors: {},
    },
    patch: {
      operationId: "updateStudioSettings",
      tag: "studio",
      summary: "Change the booking window, whether members must verify their e-mail to book, and/or the waitlist cut-off",
      description:
        "Give any of the settings, at least one. Bookings already made beyond a shortened window are kept; the window limits only what is booked or planned from then on. Requiring a verified e-mail holds back only members' own new bookings and class places (403 \"Verify your e-mail address before booking\"); their sessions already booked stay. The waitlist cut-off applies to places freed from then on.",
      access: { permission: "studio:manage" },
      body: {
        name: "UpdateStudioSettingsInput",
        schema: updateStudioSettingsInput,
        notes: {
          bookingWindowDays: { description: "Days ahead, 1–3650 (default 365)." },
          requireVerifiedEmail: { description: "true: a member must have verified their e-mail address to book (default false)." },
          waitlistCutoffMinutes: {
            description: "Minutes before a class after which a freed place no longer goes to its waitlist, 0–10080 (default 120).",
          },
        },
        example: { bookingWindowDays: 180 },
      },
      success: { status: 200, description: "The settings as changed.", schema: envelope },
      errors: {
        400: "No setting given (named as bookingWindowDays), bookingWindowDays not a whole number or out of 1–3650, requireVerifiedEmail not a boolean, waitlistCutoffMinutes not a whole number or out of 0–10080 (each named in `fields`), an unknown field, or a body that is not JSON.",
        403: "Not the owner.",
      },
    },
  },
};
