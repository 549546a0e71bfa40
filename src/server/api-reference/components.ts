// The shared parts of the API reference: response shapes (hand-written, each
// checked field by field against its view type by objectOf), the one error
// shape, and the security schemes.
import {
  bookingStatus,
  conflictReason,
  conflictStatus,
  generationRunStatus,
  recurringBookingStatus,
  sessionStatus,
  userRole,
} from "@/db/schema";
import { errorStatus, type ErrorCode } from "@/domain/errors";
import type { WeeklyAvailabilityView } from "../availability/get-weekly-availability";
import type { FreeSlots } from "../availability/list-free-slots";
import type { ReplaceWeeklyAvailabilityResult } from "../availability/replace-weekly-availability";
import type { WeeklyRuleView } from "../availability/weekly-rules";
import type { TimeWindowView } from "../availability/window-views";
import type { OccurrenceOutcome } from "../bookings/create-recurring-booking";
import type { RecurringBookingView } from "../bookings/recurring-booking-view";
import type { CoachView } from "../coaches/list-coaches";
import type { ConflictView } from "../conflicts/conflict-view";
import type { CoachFigures, Figures, WeekFigures, WeeklyFigures } from "../reports/weekly-figures";
import type { GenerationRunView } from "../sessions/generation-run-view";
import type { SessionView } from "../sessions/session-view";
import type { UserView } from "../users/user-view";
import type { ApiKeyView } from "../api-keys/api-key-view";
import { instantSchema, nullable, objectOf, ref, type JsonSchema } from "./json-schema";

const id: JsonSchema = { type: "string", description: "A record id (text; UUIDs for new rows)." };
const text: JsonSchema = { type: "string" };
const integer: JsonSchema = { type: "integer" };
const zone: JsonSchema = { type: "string", description: "IANA time zone, e.g. Europe/Paris." };
const hhmm: JsonSchema = { type: "string", pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$", description: "Wall-clock HH:MM in the coach's zone." };
const date: JsonSchema = { type: "string", format: "date", description: "A calendar date YYYY-MM-DD." };
const day: JsonSchema = { type: "integer", minimum: 0, maximum: 6, description: "0 = Sunday … 6 = Saturday." };
const enumOf = (values: readonly string[], description?: string): JsonSchema => ({
  type: "string",
  enum: [...values],
  ...(description ? { description } : {}),
});
const arrayOf = (items: JsonSchema): JsonSchema => ({ type: "array", items });

type CoachRef = SessionView["coach"];
type MemberRef = NonNullable<SessionView["member"]>;
type FreeSlot = FreeSlots["slots"][number];
type Requester = NonNullable<GenerationRunView["requestedBy"]>;
type SeriesRef = ConflictView["series"];

/** The counts and minutes shared by a week and each coach in it. */
const figures: { [K in keyof Figures]-?: JsonSchema } = {
  held: { ...integer, description: "Sessions completed." },
  cancelled: integer,
  noShows: integer,
  scheduled: { ...integer, description: "Sessions still scheduled (upcoming, or past and not yet marked completed)." },
  bookedMinutes: { type: "number", description: "Minutes of held and scheduled sessions." },
  availableMinutes: { type: "number", description: "Minutes of availability: weekly rules ∪ additions − blocked slots." },
  utilisation: { ...nullable({ type: "number" }), description: "bookedMinutes ÷ availableMinutes; null when nothing was available." },
};

/** components.schemas: every response shape. */
export const responseSchemas: Record<string, JsonSchema> = {
  UserRole: enumOf(userRole.enumValues),
  SessionStatus: enumOf(
    sessionStatus.enumValues,
    "scheduled → completed (the generator, once it ended) | cancelled | no_show.",
  ),
  ConflictReason: enumOf(
    conflictReason.enumValues,
    "Why an occurrence does not fit: outside the coach's availability, inside a blocked slot, the coach or the member already has a session then.",
  ),
  CoachRef: objectOf<CoachRef>({ id, name: text, timezone: zone }, { description: "A coach and the zone of their wall-clock times." }),
  MemberRef: objectOf<MemberRef>({ id, name: text }),
  UserView: objectOf<UserView>({
    id,
    email: { type: "string", format: "email" },
    name: text,
    role: ref("UserRole"),
    timezone: { ...nullable(zone), description: "A coach's own zone; null for other roles and for coaches on the business zone." },
  }),
  ApiKeyView: objectOf<ApiKeyView>(
    {
      id,
      name: text,
      prefix: { type: "string", description: "The key's first characters (`cb_` and seven more), to tell keys apart." },
      createdAt: instantSchema,
      lastUsedAt: { ...nullable(instantSchema), description: "Last request made with it (to the minute); null if never used." },
      revokedAt: { ...nullable(instantSchema), description: "When it was revoked; null while it works." },
    },
    { description: "A personal API key, without its secret." },
  ),
  CoachView: objectOf<CoachView>(
    {
      id,
      name: text,
      timezone: { ...zone, description: "The coach's effective zone (their own, else the business zone)." },
      minimumNoticeMinutes: { ...integer, description: "How long before a session a member may still book it." },
      defaultDuration: { ...integer, description: "Default session length in minutes (the slots' default)." },
    },
    { description: "A coach as every signed-in user sees them (no e-mail)." },
  ),
  SessionView: objectOf<SessionView>(
    {
      id,
      startsAt: instantSchema,
      endsAt: { ...instantSchema, description: "Exclusive end of [startsAt, endsAt), ISO 8601 UTC." },
      status: ref("SessionStatus"),
      coach: ref("CoachRef"),
      member: { ...nullable(ref("MemberRef")), description: "Null only for a v1 session without a member." },
      recurringBookingId: { ...nullable(id), description: "The series it belongs to, if any." },
      oneTimeBookingId: { ...nullable(id), description: "The one-time booking it came from, if any." },
      cancellationReason: nullable(text),
      cancelledAt: nullable(instantSchema),
    },
    { description: "One training session: instants in UTC, the coach's zone named." },
  ),
  RecurringBookingView: objectOf<RecurringBookingView>(
    {
      id,
      coach: ref("CoachRef"),
      member: ref("MemberRef"),
      dayOfWeek: day,
      startTime: hhmm,
      endTime: hhmm,
      startDate: date,
      endDate: { ...nullable(date), description: "Last possible date; null = open-ended." },
      frequency: { type: "integer", minimum: 1, maximum: 4, description: "Every 1–4 weeks." },
      status: enumOf(recurringBookingStatus.enumValues),
      createdAt: instantSchema,
      cancelledAt: nullable(instantSchema),
      nextSessions: {
        ...arrayOf(ref("SessionView")),
        description: "The next (up to 10) sessions starting after now, any status.",
      },
    },
    { description: "A weekly series: its wall-clock rule in the coach's zone, its people, its next sessions." },
  ),
  Occurrence: objectOf<OccurrenceOutcome>(
    {
      date: { ...date, description: "The occurrence's local date in the coach's zone." },
      startsAt: instantSchema,
      endsAt: instantSchema,
      reason: { ...nullable(ref("ConflictReason")), description: "Why it cannot be booked; null when it fits." },
    },
    { description: "One occurrence of a series." },
  ),
  ConflictView: objectOf<ConflictView>(
    {
      id,
      series: objectOf<SeriesRef>({ id, dayOfWeek: day, startTime: hhmm, endTime: hhmm }),
      member: ref("MemberRef"),
      coach: ref("CoachRef"),
      startsAt: instantSchema,
      endsAt: instantSchema,
      reason: ref("ConflictReason"),
      status: enumOf(conflictStatus.enumValues),
      resolution: {
        ...nullable(text),
        description:
          'Once resolved: "placed" or "dismissed" (then ": <note>" when given), "skipped when booking" or "series cancelled".',
      },
      detectedAt: instantSchema,
      resolvedAt: nullable(instantSchema),
    },
    { description: "An occurrence a series could not place (generation conflict), and what became of it." },
  ),
  WeeklyRule: objectOf<WeeklyRuleView>({ dayOfWeek: day, startTime: hhmm, endTime: hhmm }),
  WeeklyAvailability: objectOf<WeeklyAvailabilityView>({
    coachId: id,
    timezone: { ...zone, description: "The zone the HH:MM times are in." },
    rules: { ...arrayOf(ref("WeeklyRule")), description: "By day (0 = Sunday), then start." },
  }),
  WeeklyAvailabilityReplaced: objectOf<ReplaceWeeklyAvailabilityResult>({
    coachId: id,
    timezone: zone,
    rules: arrayOf(ref("WeeklyRule")),
    affected: {
      ...arrayOf(ref("SessionView")),
      description: "Future scheduled sessions the new week leaves outside availability (as they are now).",
    },
    cancelled: { ...integer, description: "How many of them were cancelled (cancelAffected)." },
  }),
  TimeWindow: objectOf<TimeWindowView>(
    {
      id,
      coachId: id,
      startsAt: instantSchema,
      endsAt: instantSchema,
      reason: nullable(text),
      createdAt: instantSchema,
    },
    { description: "An availability addition or a blocked slot: the half-open window [startsAt, endsAt)." },
  ),
  FreeSlots: objectOf<FreeSlots>({
    coachId: id,
    timezone: { ...zone, description: "The coach's zone: from/to are its local dates, slots start on its :00 and :30." },
    duration: { ...integer, description: "Minutes per slot." },
    slots: arrayOf(objectOf<FreeSlot>({ startsAt: instantSchema, endsAt: instantSchema })),
  }),
  GenerationRun: objectOf<GenerationRunView>(
    {
      id,
      trigger: { type: "string", description: "cron, scheduler, admin or cli." },
      status: enumOf(generationRunStatus.enumValues),
      weeksAhead: integer,
      created: { ...integer, description: "Sessions created." },
      conflicts: { ...integer, description: "Conflicts recorded." },
      completed: { ...integer, description: "Past sessions marked completed." },
      durationMs: { ...nullable(integer), description: "Null while running." },
      error: { ...nullable(text), description: 'The failure\'s message when status is "failed".' },
      startedAt: instantSchema,
      finishedAt: nullable(instantSchema),
      requestedBy: {
        ...nullable(objectOf<Requester>({ id, name: text, email: { type: "string", format: "email" } })),
        description: "The owner who asked (admin runs); null for cron, scheduler and CLI runs.",
      },
      scheduledOn: {
        ...nullable(date),
        description: "The business-zone day a daily run (cron, scheduler) is for, one run per day; null for runs by hand.",
      },
    },
    { description: "One run of the session generator." },
  ),
  BookingStatus: enumOf(bookingStatus.enumValues),
  CoachFigures: objectOf<CoachFigures>({ coachId: id, name: text, timezone: zone, ...figures }),
  WeekFigures: objectOf<WeekFigures>({
    monday: date,
    sunday: date,
    startsAt: instantSchema,
    endsAt: { ...instantSchema, description: "Exclusive: the next Monday's midnight in the business zone." },
    ...figures,
    coaches: { ...arrayOf(ref("CoachFigures")), description: "Every coach, and anyone who ran a session in either week, by name." },
  }),
  WeeklyFigures: objectOf<WeeklyFigures>({
    timeZone: { ...zone, description: "The business zone the weeks are cut in." },
    thisWeek: ref("WeekFigures"),
    lastWeek: ref("WeekFigures"),
  }),

  // ── Errors ───────────────────────────────────────────────────────────────
  Error: {
    type: "object",
    description: 'Every error: { "error": { "code", "message", "fields"? } }.',
    properties: {
      error: {
        type: "object",
        properties: {
          code: enumOf([...Object.keys(errorStatus), "internal"]),
          message: { type: "string", description: "For people; may change. Branch on `code`." },
          fields: {
            type: "object",
            additionalProperties: { type: "string" },
            description:
              'invalid_input only: each bad field ("endTime", "rules.2.startTime"; "input" for the whole value; "body" for JSON that does not parse) and the reason.',
          },
          retryAfterSeconds: { type: "integer", description: "rate_limited only: seconds to wait, as in the Retry-After header." },
        },
        required: ["code", "message"],
      },
    },
    required: ["error"],
  },
  RecurringConflictError: {
    description: "The 409 of a weekly series booked with onConflict \"reject\": every occurrence that does not fit.",
    allOf: [
      ref("Error"),
      {
        type: "object",
        properties: {
          error: {
            type: "object",
            properties: {
              code: { const: "conflict" },
              conflicts: {
                type: "array",
                items: ref("Occurrence"),
                description: "Every conflicting occurrence (reason never null here). Absent when a slot was taken by a booking committed meanwhile.",
              },
            },
          },
        },
      },
    ],
  },
};

/** The error statuses an operation may list, and their component names. */
export const errorResponseNames = {
  400: "InvalidInput",
  401: "Unauthenticated",
  403: "Forbidden",
  404: "NotFound",
  409: "Conflict",
} as const;

export type ErrorStatus = keyof typeof errorResponseNames;

function errorResponse(code: ErrorCode | "internal", description: string, example: Record<string, unknown>): JsonSchema {
  return {
    description,
    content: { "application/json": { schema: ref("Error"), example: { error: { code, ...example } } } },
  };
}

/** components.responses: one per error status (operations override the description). */
export const errorResponses: Record<string, JsonSchema> = {
  InvalidInput: errorResponse("invalid_input", "Invalid input: `fields` names each bad field and the reason. Nothing was written.", {
    message: "Invalid input (endTime: Must be after startTime)",
    fields: { endTime: "Must be after startTime" },
  }),
  Unauthenticated: errorResponse("unauthenticated", "No valid session: no cookie or bearer token, or an expired or signed-out one.", {
    message: "Sign in first",
  }),
  Forbidden: errorResponse("forbidden", "Signed in, but your role (or your relation to the record) does not allow this.", {
    message: "Your role (member) may not do this (users:list)",
  }),
  NotFound: errorResponse("not_found", "No such record — or one outside your scope, which is answered the same way.", {
    message: "No session with id 7d7c…",
  }),
  Conflict: errorResponse("conflict", "The request is valid but the current state refuses it.", {
    message: "This time was just booked by someone else",
  }),
  LengthRequired: errorResponse("invalid_input", "A body without a Content-Length (chunked): refused before it is read.", {
    message: "A request body needs a Content-Length",
  }),
  PayloadTooLarge: errorResponse("payload_too_large", "The body is larger than BODY_SIZE_LIMIT (default 1 MiB): refused before it is read.", {
    message: "The request body is larger than 1 MiB",
  }),
  UnsupportedMediaType: errorResponse("unsupported_media_type", "A cookie-authenticated write whose Content-Type is not application/json.", {
    message: "Send the body as application/json",
  }),
  RateLimited: {
    description: "Too many writes by this user (or requests by this address): wait `Retry-After` seconds.",
    headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
    content: {
      "application/json": {
        schema: ref("Error"),
        example: { error: { code: "rate_limited", message: "Too many requests; try again in 12 seconds", retryAfterSeconds: 12 } },
      },
    },
  },
  Unavailable: {
    description: "The server or its database cannot keep up or be reached right now: retry after `Retry-After` seconds.",
    headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
    content: { "application/json": { schema: ref("Error"), example: { error: { code: "unavailable", message: "The database is unavailable; try again in a moment" } } } },
  },
  Internal: errorResponse("internal", "An unexpected failure, logged on the server; no details are given.", {
    message: "Internal error",
  }),
  RecurringConflict: {
    description: "Some occurrences of the series do not fit; nothing was booked. `conflicts` lists every one.",
    content: {
      "application/json": {
        schema: ref("RecurringConflictError"),
        example: {
          error: {
            code: "conflict",
            message:
              "1 occurrence cannot be booked: 2030-03-19 (the coach has time off then). Nothing was booked; choose another time or skip these dates.",
            conflicts: [
              { date: "2030-03-19", startsAt: "2030-03-19T09:00:00.000Z", endsAt: "2030-03-19T10:00:00.000Z", reason: "blocked" },
            ],
          },
        },
      },
    },
  },
};

export const securitySchemes: Record<string, JsonSchema> = {
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    description:
      "A personal API key (`cb_…`, from POST /api/v1/api-keys or the Account page), or a better-auth session token: sign in with POST /api/auth/sign-in/email and read the `set-auth-token` response header. Send `Authorization: Bearer <key or token>`.",
  },
  cookieAuth: {
    type: "apiKey",
    in: "cookie",
    name: "better-auth.session_token",
    description:
      "The better-auth session cookie a browser gets from signing in (named `__Secure-better-auth.session_token` over HTTPS).",
  },
  cronSecret: {
    type: "http",
    scheme: "bearer",
    description:
      "`Authorization: Bearer $CRON_SECRET`, compared in constant time. With CRON_SECRET unset the cron endpoint refuses every call (401).",
  },
};
