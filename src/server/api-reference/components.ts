// The shared parts of the API reference: response shapes (generated from
// the zod schemas of the use cases' views, beside each use case), the one
// error shape, and the security schemes.
import { z } from "zod";
import { bookingStatus } from "@/db/schema";
import { errorStatus, type ErrorCode } from "@/domain/errors";
import { apiKeyViewSchema } from "../api-keys/api-key-view";
import { weeklyAvailabilityViewSchema } from "../availability/get-weekly-availability";
import { freeSlotsSchema } from "../availability/list-free-slots";
import { replaceWeeklyAvailabilityResultSchema } from "../availability/replace-weekly-availability";
import { weeklyRuleSchema } from "../availability/weekly-rules";
import { timeWindowViewSchema } from "../availability/window-views";
import { outboxMessageDetailSchema, outboxMessageViewSchema } from "../messages/outbox-view";
import { occurrenceSchema } from "../bookings/occurrence-view";
import { recurringBookingViewSchema } from "../bookings/recurring-booking-view";
import { calendarFeedViewSchema } from "../calendar-feed/calendar-feed-view";
import { classSeriesViewSchema } from "../classes/class-series-view";
import { classViewSchema, enrolmentViewSchema } from "../classes/class-view";
import { standingPlaceViewSchema } from "../classes/standing-place-view";
import { coachViewSchema } from "../coaches/list-coaches";
import { conflictViewSchema } from "../conflicts/conflict-view";
import { meViewSchema } from "../me/me-view";
import { coachFiguresSchema, weekFiguresSchema, weeklyFiguresSchema } from "../reports/weekly-figures";
import { generationRunViewSchema } from "../sessions/generation-run-view";
import { sessionStatusSchema, sessionViewSchema } from "../sessions/session-view";
import { studioSettingsViewSchema } from "../studio-settings/get-studio-settings";
import { userRoleSchema, userViewSchema } from "../users/user-view";
import { coachRef, conflictReasonSchema, memberRef } from "../view-fields";
import { ref, type JsonSchema } from "./json-schema";

const enumOf = (values: readonly string[], description?: string): JsonSchema => ({
  type: "string",
  enum: [...values],
  ...(description ? { description } : {}),
});

/**
 * Every view the API answers, under its name in components.schemas. A view
 * used inside another (a session in a series) becomes a $ref to its entry.
 */
const views: Record<string, z.ZodType> = {
  UserRole: userRoleSchema,
  SessionStatus: sessionStatusSchema,
  ConflictReason: conflictReasonSchema,
  CoachRef: coachRef,
  MemberRef: memberRef,
  UserView: userViewSchema,
  ApiKeyView: apiKeyViewSchema,
  MeView: meViewSchema,
  CalendarFeedView: calendarFeedViewSchema,
  CoachView: coachViewSchema,
  SessionView: sessionViewSchema,
  RecurringBookingView: recurringBookingViewSchema,
  Occurrence: occurrenceSchema,
  ConflictView: conflictViewSchema,
  ClassView: classViewSchema,
  EnrolmentView: enrolmentViewSchema,
  ClassSeriesView: classSeriesViewSchema,
  StandingPlaceView: standingPlaceViewSchema,
  WeeklyRule: weeklyRuleSchema,
  WeeklyAvailability: weeklyAvailabilityViewSchema,
  WeeklyAvailabilityReplaced: replaceWeeklyAvailabilityResultSchema,
  TimeWindow: timeWindowViewSchema,
  FreeSlots: freeSlotsSchema,
  GenerationRun: generationRunViewSchema,
  CoachFigures: coachFiguresSchema,
  WeekFigures: weekFiguresSchema,
  WeeklyFigures: weeklyFiguresSchema,
  StudioSettings: studioSettingsViewSchema,
  OutboxMessageView: outboxMessageViewSchema,
  OutboxMessageDetail: outboxMessageDetailSchema,
};

/** The views as JSON Schema (zod 4's z.toJSONSchema, output side), each a components.schemas entry. */
function viewSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(views)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io: "output", uri: (id) => `#/components/schemas/${id}` }) as {
    schemas: Record<string, JsonSchema>;
  };
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
  }
  return schemas;
}

/** components.schemas: every response shape. */
export const responseSchemas: Record<string, JsonSchema> = {
  ...viewSchemas(),
  BookingStatus: enumOf(bookingStatus.enumValues),

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

/** A shared error response; `retryAfter`: it carries a Retry-After header (429, 503). */
function errorResponse(
  code: ErrorCode | "internal",
  description: string,
  example: Record<string, unknown>,
  options: { retryAfter?: boolean } = {},
): JsonSchema {
  return {
    description,
    ...(options.retryAfter ? { headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } } : {}),
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
  RateLimited: errorResponse(
    "rate_limited",
    "Too many writes by this user (or requests by this address): wait `Retry-After` seconds.",
    { message: "Too many writes; try again in 12 s", retryAfterSeconds: 12 },
    { retryAfter: true },
  ),
  Unavailable: errorResponse(
    "unavailable",
    "The server or its database cannot keep up or be reached right now: retry after `Retry-After` seconds.",
    { message: "The database is unavailable; try again in a moment" },
    { retryAfter: true },
  ),
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
