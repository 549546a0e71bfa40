// Coaches and their calendars: weekly rules, one-off additions, blocked
// slots (time off) and the free slots that result.
import { MAX_ADDITION_DAYS, createAvailabilityAdditionBody } from "@/server/availability/create-availability-addition";
import { MAX_BLOCKED_SLOT_DAYS, createBlockedSlotBody } from "@/server/availability/create-blocked-slot";
import { deleteAvailabilityAdditionOptions } from "@/server/availability/delete-availability-addition";
import { listAvailabilityAdditionsQuery } from "@/server/availability/list-availability-additions";
import { listBlockedSlotsQuery } from "@/server/availability/list-blocked-slots";
import { MAX_SLOT_DAYS, listFreeSlotsQuery } from "@/server/availability/list-free-slots";
import { replaceWeeklyAvailabilityBody } from "@/server/availability/replace-weekly-availability";
import { updateCoachSettingsBody } from "@/server/coaches/update-coach-settings";
import { ref, type FieldNotes, type JsonSchema } from "../json-schema";
import type { PathSpecs } from "../operation";

const OWN_CALENDAR = "a coach only their own calendar, the owner any coach's.";
const coachPath = { coachId: "The coach's user id." };
const coachAndId = (what: string) => ({ ...coachPath, id: `The ${what}'s id.` });

const manageErrors = {
  403: "A member, or a coach acting on another coach's calendar.",
  404: "No coach with this id.",
};

const windowNotes = (maxDays: number): FieldNotes => ({
  startsAt: { description: "ISO 8601 instant with an offset, e.g. 2030-03-16T09:00:00+01:00." },
  endsAt: {
    description: `ISO 8601 instant with an offset; after startsAt, at most ${maxDays} days later, and in the future. The window is half-open [startsAt, endsAt).`,
  },
  reason: { description: "Free text, at most 1000 characters." },
});

const cancelAffectedNote: JsonSchema = {
  description:
    "true: cancel the future scheduled sessions this change concerns (listed in `affected`), in the same transaction. Default false: keep them and only report them. A query string says \"true\"/\"false\".",
};

const listWindowNotes: FieldNotes = {
  from: { description: "ISO 8601 instant with an offset: only windows ending after it. Default: now." },
  to: { description: "ISO 8601 instant with an offset: only windows starting before it." },
};

const affected: Record<string, JsonSchema> = {
  affected: {
    type: "array",
    items: ref("SessionView"),
    description: "The future scheduled sessions this change concerns, as they are after it (cancelled ones with their reason).",
  },
  cancelled: { type: "integer", description: "How many of them were cancelled (0 unless cancelAffected)." },
};

function envelope(properties: Record<string, JsonSchema>): JsonSchema {
  return { type: "object", properties, required: Object.keys(properties) };
}

export const coachPaths: PathSpecs = {
  "/api/v1/coaches": {
    get: {
      operationId: "listCoaches",
      tag: "coaches",
      summary: "Every coach, with what a client needs to book them",
      access: { permission: "coaches:list" },
      success: {
        status: 200,
        description: "Coaches by name: effective zone, minimum notice, default session length (no e-mails).",
        schema: envelope({ coaches: { type: "array", items: ref("CoachView") } }),
      },
      errors: {},
    },
  },
  "/api/v1/coaches/{coachId}/settings": {
    patch: {
      operationId: "updateCoachSettings",
      tag: "coaches",
      summary: "Change a coach's minimum notice and default session length",
      description:
        "The time zone is not here: it changes what every weekly rule and series means, so only the owner sets it (PATCH /api/v1/users/{id}).",
      access: { permission: "availability:manage", scope: OWN_CALENDAR },
      path: coachPath,
      body: {
        name: "UpdateCoachSettingsInput",
        schema: updateCoachSettingsBody,
        notes: {
          minimumNoticeMinutes: { description: "How long before a session members may still book it, 0–10080 minutes." },
          defaultDuration: { description: "The default slot length, 15–480 minutes in steps of 15." },
        },
        example: { minimumNoticeMinutes: 240, defaultDuration: 45 },
      },
      success: { status: 200, description: "The coach with the new settings.", schema: envelope({ coach: ref("CoachView") }) },
      errors: {
        400: "A value out of range (named in `fields`), no field at all, an unknown field, or a body that is not JSON.",
        ...manageErrors,
      },
    },
  },
  "/api/v1/coaches/{coachId}/weekly-availability": {
    get: {
      operationId: "getWeeklyAvailability",
      tag: "availability",
      summary: "A coach's weekly hours",
      access: { permission: "coaches:list" },
      path: coachPath,
      success: { status: 200, description: "The rules, wall-clock in the coach's zone.", schema: ref("WeeklyAvailability") },
      errors: { 400: "coachId longer than 200 characters.", 404: "No coach with this id." },
    },
    put: {
      operationId: "replaceWeeklyAvailability",
      tag: "availability",
      summary: "Replace a coach's whole week of rules",
      description:
        "One transaction. Rules are wall-clock HH:MM in the coach's zone; rules on one day may touch (09:00–12:00, 12:00–15:00) but not overlap. Future scheduled sessions the new week leaves outside availability (rules ∪ additions) are reported as `affected`, and cancelled only with `cancelAffected: true`.",
      access: { permission: "availability:manage", scope: OWN_CALENDAR },
      path: coachPath,
      body: {
        name: "ReplaceWeeklyAvailabilityInput",
        schema: replaceWeeklyAvailabilityBody,
        notes: {
          rules: {
            description:
              "The whole week (at most 100 rules; [] clears it). Each: endTime after startTime; no two rules of one day overlap (the later one in the request is named, e.g. rules.3.startTime).",
          },
          cancelAffected: cancelAffectedNote,
        },
        example: {
          rules: [
            { dayOfWeek: 1, startTime: "09:00", endTime: "12:00" },
            { dayOfWeek: 1, startTime: "13:00", endTime: "17:00" },
            { dayOfWeek: 3, startTime: "09:00", endTime: "17:00" },
          ],
          cancelAffected: false,
        },
      },
      success: { status: 200, description: "The new week and the sessions it concerns.", schema: ref("WeeklyAvailabilityReplaced") },
      errors: {
        400: "A bad or overlapping rule, an unknown field, or a body that is not JSON. Nothing was written.",
        ...manageErrors,
      },
    },
  },
  "/api/v1/coaches/{coachId}/availability-additions": {
    get: {
      operationId: "listAvailabilityAdditions",
      tag: "availability",
      summary: "A coach's one-off availability windows that have not ended",
      access: { permission: "availability:manage", scope: OWN_CALENDAR },
      path: coachPath,
      query: { schema: listAvailabilityAdditionsQuery, notes: listWindowNotes },
      success: {
        status: 200,
        description: "Additions in start order.",
        schema: envelope({ additions: { type: "array", items: ref("TimeWindow") } }),
      },
      errors: { 400: "`from`/`to` not an instant with an offset, or an unknown query parameter.", ...manageErrors },
    },
    post: {
      operationId: "createAvailabilityAddition",
      tag: "availability",
      summary: "Add a one-off window of availability (e.g. an extra Saturday morning)",
      description: "Additive: the day's weekly rules still hold; free time is rules ∪ additions − blocked slots.",
      access: { permission: "availability:manage", scope: OWN_CALENDAR },
      path: coachPath,
      body: {
        name: "CreateAvailabilityAdditionInput",
        schema: createAvailabilityAdditionBody,
        notes: windowNotes(MAX_ADDITION_DAYS),
        example: { startsAt: "2030-03-16T09:00:00+01:00", endsAt: "2030-03-16T12:00:00+01:00", reason: "Extra Saturday" },
      },
      success: { status: 201, description: "The addition.", schema: envelope({ addition: ref("TimeWindow") }) },
      errors: {
        400: `Not instants with an offset, endsAt not after startsAt, longer than ${MAX_ADDITION_DAYS} days, already over, or an unknown field.`,
        ...manageErrors,
      },
    },
  },
  "/api/v1/coaches/{coachId}/availability-additions/{id}": {
    delete: {
      operationId: "deleteAvailabilityAddition",
      tag: "availability",
      summary: "Remove an availability addition",
      description:
        "Future scheduled sessions the removal leaves outside availability are reported as `affected`, and cancelled only with `cancelAffected` true (query string or body).",
      access: { permission: "availability:manage", scope: OWN_CALENDAR },
      path: coachAndId("addition"),
      query: { schema: deleteAvailabilityAdditionOptions, notes: { cancelAffected: cancelAffectedNote } },
      body: {
        name: "DeleteAvailabilityAdditionOptions",
        schema: deleteAvailabilityAdditionOptions,
        notes: { cancelAffected: cancelAffectedNote },
        required: false,
        example: { cancelAffected: true },
      },
      success: {
        status: 200,
        description: "The addition as it was, and the sessions the removal concerns.",
        schema: envelope({ addition: ref("TimeWindow"), ...affected }),
      },
      errors: {
        400: "`cancelAffected` not true/false, an unknown field or parameter, or a body that is not JSON.",
        403: manageErrors[403],
        404: "No coach with this id, or no addition with this id for this coach.",
      },
    },
  },
  "/api/v1/coaches/{coachId}/blocked-slots": {
    get: {
      operationId: "listBlockedSlots",
      tag: "availability",
      summary: "A coach's time off that has not ended",
      access: { permission: "availability:manage", scope: OWN_CALENDAR },
      path: coachPath,
      query: { schema: listBlockedSlotsQuery, notes: listWindowNotes },
      success: {
        status: 200,
        description: "Blocked slots in start order.",
        schema: envelope({ blockedSlots: { type: "array", items: ref("TimeWindow") } }),
      },
      errors: { 400: "`from`/`to` not an instant with an offset, or an unknown query parameter.", ...manageErrors },
    },
    post: {
      operationId: "createBlockedSlot",
      tag: "availability",
      summary: "Block time off",
      description:
        "No free slots there; the generator records occurrences inside it as `blocked` conflicts. Future scheduled sessions it overlaps are reported as `affected`, and cancelled (reason: the slot's own, else \"Coach time off\") only with `cancelAffected: true`.",
      access: { permission: "availability:manage", scope: OWN_CALENDAR },
      path: coachPath,
      body: {
        name: "CreateBlockedSlotInput",
        schema: createBlockedSlotBody,
        notes: { ...windowNotes(MAX_BLOCKED_SLOT_DAYS), cancelAffected: cancelAffectedNote },
        example: {
          startsAt: "2030-03-18T00:00:00+01:00",
          endsAt: "2030-03-25T00:00:00+01:00",
          reason: "Holiday",
          cancelAffected: false,
        },
      },
      success: {
        status: 201,
        description: "The blocked slot and the sessions it overlaps.",
        schema: envelope({ blockedSlot: ref("TimeWindow"), ...affected }),
      },
      errors: {
        400: `Not instants with an offset, endsAt not after startsAt, longer than ${MAX_BLOCKED_SLOT_DAYS} days, already over, or an unknown field.`,
        ...manageErrors,
      },
    },
  },
  "/api/v1/coaches/{coachId}/blocked-slots/{id}": {
    delete: {
      operationId: "deleteBlockedSlot",
      tag: "availability",
      summary: "Remove a blocked slot",
      description: "Freeing time never leaves a session outside availability, so nothing is reported.",
      access: { permission: "availability:manage", scope: OWN_CALENDAR },
      path: coachAndId("blocked slot"),
      success: { status: 200, description: "The blocked slot as it was.", schema: envelope({ blockedSlot: ref("TimeWindow") }) },
      errors: {
        400: "An id longer than 200 characters.",
        403: manageErrors[403],
        404: "No coach with this id, or no blocked slot with this id for this coach.",
      },
    },
  },
  "/api/v1/coaches/{coachId}/slots": {
    get: {
      operationId: "listFreeSlots",
      tag: "availability",
      summary: "A coach's free, bookable slots",
      description:
        "Weekly rules ∪ additions − blocked slots − sessions, cut into slots of `duration` minutes that start on the coach's local :00 and :30, no earlier than now + the coach's minimum notice.",
      access: { permission: "coaches:list" },
      path: coachPath,
      query: {
        schema: listFreeSlotsQuery,
        notes: {
          from: { format: "date", description: "First local date (YYYY-MM-DD, in the coach's zone), inclusive." },
          to: {
            format: "date",
            description: `Last local date, inclusive; on or after from, at most ${MAX_SLOT_DAYS} days in all.`,
          },
          duration: { description: "Minutes per slot, 15–480 in steps of 15. Default: the coach's default session length." },
        },
      },
      success: {
        status: 200,
        description: "The free slots, in order.",
        schema: ref("FreeSlots"),
        example: {
          coachId: "3f1c…",
          timezone: "Europe/Paris",
          duration: 60,
          slots: [{ startsAt: "2030-03-18T08:00:00.000Z", endsAt: "2030-03-18T09:00:00.000Z" }],
        },
      },
      errors: {
        400: "`from`/`to` missing or not real dates, `to` before `from` or too far, a bad duration, or an unknown query parameter.",
        404: "No coach with this id.",
      },
    },
  },
};
