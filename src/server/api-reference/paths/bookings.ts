// Booking: weekly series (book, preview, list, cancel) and one-time sessions.
import { cancelRecurringBookingBody } from "@/server/bookings/cancel-recurring-booking";
import { createOneTimeBookingInput } from "@/server/bookings/create-one-time-booking";
import { createRecurringBookingInput } from "@/server/bookings/create-recurring-booking";
import { listRecurringBookingsInput } from "@/server/bookings/list-recurring-bookings";
import { ref, type FieldNotes } from "../json-schema";
import type { PathSpecs, RequestSchema } from "../operation";

const WHO_BOOKS =
  "a member books for themself (memberId omitted or their own id); a coach books their own sessions for a member; the owner any coach for any member.";
const SCOPE = "a member their own, a coach those booked with them, the owner all.";

const partiesNotes: FieldNotes = {
  coachId: { description: "The coach's user id (400 naming coachId when it is not a coach)." },
  memberId: {
    description: "Required when a coach or the owner books for a member; a member leaves it out (or sends their own id).",
  },
};

const series: RequestSchema = {
  name: "CreateRecurringBookingInput",
  schema: createRecurringBookingInput,
  description: "A weekly series: every `frequency` weeks on `dayOfWeek`, startTime–endTime in the coach's zone.",
  notes: {
    ...partiesNotes,
    dayOfWeek: { description: "0 = Sunday … 6 = Saturday." },
    startTime: { description: "HH:MM, wall-clock in the coach's zone." },
    endTime: { description: "HH:MM, after startTime." },
    startDate: {
      format: "date",
      description: "YYYY-MM-DD, a real date, today or later in the coach's zone. The first occurrence is the first dayOfWeek on or after it.",
    },
    endDate: {
      description:
        "YYYY-MM-DD (a real date) on or after startDate and not before the first occurrence; null or absent = open-ended.",
    },
    frequency: { description: "Every 1–4 weeks; default 1." },
    onConflict: {
      description:
        '"reject" (default): if any occurrence up to the booking horizon does not fit, nothing is booked (409 listing every one). "skip": book the fitting ones and list the others in `skipped`.',
    },
  },
};

const seriesExample = {
  coachId: "3f1c…",
  dayOfWeek: 2,
  startTime: "10:00",
  endTime: "11:00",
  startDate: "2030-03-05",
  onConflict: "reject",
};

const cancelSeriesBody = cancelRecurringBookingBody;

const bookingsErrors400 =
  "Bad or missing fields (each named in `fields`), coachId not a coach, memberId missing (coach/owner) or not a member, startDate in the past, an unknown field, or a body that is not JSON.";
const bookingsErrors403 = "A member booking for someone else, or a coach booking another coach.";
/** Creating (not previewing): the studio setting requireVerifiedEmail. */
const bookingCreateErrors403 = `${bookingsErrors403} A member whose e-mail address is not verified, while the studio requires it (requireVerifiedEmail): "Verify your e-mail address before booking".`;

export const bookingPaths: PathSpecs = {
  "/api/v1/recurring-bookings": {
    get: {
      operationId: "listRecurringBookings",
      tag: "bookings",
      summary: "The weekly series you may see, each with its next 10 sessions",
      access: { permission: "sessions:read", scope: SCOPE },
      query: {
        schema: listRecurringBookingsInput,
        notes: { status: { description: "Default active." } },
      },
      success: {
        status: 200,
        description: "Series, newest first.",
        schema: {
          type: "object",
          properties: { recurringBookings: { type: "array", items: ref("RecurringBookingView") } },
          required: ["recurringBookings"],
        },
      },
      errors: { 400: "Unknown status, or an unknown query parameter." },
    },
    post: {
      operationId: "createRecurringBooking",
      tag: "bookings",
      summary: "Book a weekly series",
      description:
        "Every occurrence up to the booking horizon (SESSION_HORIZON_WEEKS) is checked — the coach's availability, blocked slots, both calendars — and its sessions exist at once; the daily generator extends the series later.",
      access: { permission: "bookings:create", scope: WHO_BOOKS },
      body: { ...series, example: seriesExample },
      success: {
        status: 201,
        description: "The series, every session created, and the occurrences skipped (onConflict \"skip\").",
        schema: {
          type: "object",
          properties: {
            recurringBooking: ref("RecurringBookingView"),
            sessions: { type: "array", items: ref("SessionView") },
            skipped: { type: "array", items: ref("Occurrence"), description: "Left out by onConflict \"skip\" (empty otherwise)." },
          },
          required: ["recurringBooking", "sessions", "skipped"],
        },
      },
      errors: {
        400: `${bookingsErrors400} endDate before the first occurrence.`,
        403: bookingCreateErrors403,
        409: "With onConflict \"reject\": some occurrences do not fit (`conflicts` lists each with its date and reason), or a slot was taken by a booking committed meanwhile. Nothing was booked.",
      },
      recurringConflict: true,
    },
  },
  "/api/v1/recurring-bookings/preview": {
    post: {
      operationId: "previewRecurringBooking",
      tag: "bookings",
      summary: "Every occurrence of a would-be series and whether it fits; books nothing",
      description: "The same checks as booking, run and rolled back: for a \"see every date before confirming\" step.",
      access: { permission: "bookings:create", scope: WHO_BOOKS },
      body: { ...series, example: seriesExample },
      success: {
        status: 200,
        description: "Occurrences up to the horizon, `reason` null where it fits.",
        schema: {
          type: "object",
          properties: { occurrences: { type: "array", items: ref("Occurrence") } },
          required: ["occurrences"],
        },
      },
      errors: { 400: `${bookingsErrors400} endDate before the first occurrence.`, 403: bookingsErrors403 },
    },
  },
  "/api/v1/recurring-bookings/{id}/cancel": {
    post: {
      operationId: "cancelRecurringBooking",
      tag: "bookings",
      summary: "Cancel a weekly series",
      description:
        "Ends the series and cancels its scheduled sessions: from now on (`futureOnly`, default), or also past ones still scheduled. Completed and no-show history is kept; the series' open conflicts are closed.",
      access: { permission: "sessions:cancel", scope: SCOPE },
      path: { id: "The series' id." },
      body: {
        name: "CancelRecurringBookingInput",
        schema: cancelSeriesBody,
        required: false,
        notes: {
          futureOnly: {
            description: "true (default): this and all future occurrences. false: also past occurrences that are still scheduled.",
          },
        },
        example: { futureOnly: true },
      },
      success: {
        status: 200,
        description: "How many sessions were cancelled, and the series as it is now.",
        schema: {
          type: "object",
          properties: { cancelled: { type: "integer" }, recurringBooking: ref("RecurringBookingView") },
          required: ["cancelled", "recurringBooking"],
        },
      },
      errors: {
        400: "`futureOnly` not a boolean, an unknown field, or a body that is not JSON.",
        404: "No such series — or one outside your scope.",
        409: "The series is already cancelled.",
      },
    },
  },
  "/api/v1/bookings": {
    post: {
      operationId: "createOneTimeBooking",
      tag: "bookings",
      summary: "Book one session",
      description:
        "It must lie inside the coach's free availability (rules ∪ additions, no blocked slot) and, for a member, respect the coach's minimum notice. Of two requests racing for one slot exactly one wins; the other gets 409.",
      access: { permission: "bookings:create", scope: WHO_BOOKS },
      body: {
        name: "CreateOneTimeBookingInput",
        schema: createOneTimeBookingInput,
        notes: {
          ...partiesNotes,
          startsAt: {
            description:
              "ISO 8601 instant with an offset, in the future (a member: at least the coach's minimum notice ahead). Take it from GET /api/v1/coaches/{coachId}/slots.",
          },
          endsAt: { description: "ISO 8601 instant with an offset; after startsAt, at most 8 hours later." },
        },
        example: { coachId: "3f1c…", startsAt: "2030-03-18T08:00:00Z", endsAt: "2030-03-18T09:00:00Z" },
      },
      success: {
        status: 201,
        description: "The booking and its session.",
        schema: {
          type: "object",
          properties: {
            booking: {
              type: "object",
              properties: { id: { type: "string" }, status: ref("BookingStatus") },
              required: ["id", "status"],
            },
            session: ref("SessionView"),
          },
          required: ["booking", "session"],
        },
      },
      errors: {
        400: "Bad or missing fields (named in `fields`), endsAt not after startsAt or over 8 hours, startsAt in the past or inside the coach's notice, coachId not a coach, memberId missing (coach/owner) or not a member, an unknown field, or a body that is not JSON.",
        403: bookingCreateErrors403,
        409: "The time is taken (by the coach or the member), blocked (time off), or outside the coach's availability.",
      },
    },
  },
};
