// Sessions (list, cancel one, mark no-show) and generation conflicts.
import { z } from "zod";
import { listConflictsInput } from "@/server/conflicts/list-conflicts";
import { resolveConflictBody } from "@/server/conflicts/resolve-conflict";
import { cancelSessionBody } from "@/server/sessions/cancel-session";
import { MAX_RANGE_DAYS, listSessionsInput } from "@/server/sessions/list-sessions";
import { nullable, ref, type JsonSchema } from "../json-schema";
import type { PathSpecs } from "../operation";

const SCOPE = "a member their own, a coach those they run, the owner everyone's.";
const session: JsonSchema = { type: "object", properties: { session: ref("SessionView") }, required: ["session"] };
const bound = (which: "from" | "to"): JsonSchema => ({
  description:
    which === "from"
      ? "A date YYYY-MM-DD (00:00 UTC of that day) or an ISO 8601 instant with an offset. Default: today (UTC)."
      : `A date YYYY-MM-DD (its whole UTC day included) or an ISO 8601 instant with an offset (exclusive). Default: four weeks after from; not before from; at most ${MAX_RANGE_DAYS} days after it.`,
});

/** The route's own body (src/app/api/v1/sessions/[id]/no-show/route.ts): nothing, or {}. */
const noShowBody = z.strictObject({});

export const sessionPaths: PathSpecs = {
  "/api/v1/sessions": {
    get: {
      operationId: "listSessions",
      tag: "sessions",
      summary: "Sessions that start in [from, to)",
      description:
        "coachId and memberId narrow the result within your scope; they never widen it (another member's sessions give an empty list, not an error).",
      access: { permission: "sessions:read", scope: SCOPE },
      query: {
        schema: listSessionsInput,
        notes: {
          from: bound("from"),
          to: bound("to"),
          status: { description: "Only sessions with this status." },
          coachId: { description: "Only this coach's sessions." },
          memberId: { description: "Only this member's sessions." },
        },
      },
      success: {
        status: 200,
        description: "Sessions in start order.",
        schema: { type: "object", properties: { sessions: { type: "array", items: ref("SessionView") } }, required: ["sessions"] },
      },
      errors: { 400: "A bad from/to or status, to before from, a range over the limit, or an unknown query parameter." },
    },
  },
  "/api/v1/sessions/{id}/cancel": {
    post: {
      operationId: "cancelSession",
      tag: "sessions",
      summary: "Cancel one session",
      description:
        "Only a scheduled session. Its member may cancel before it starts; its coach or the owner at any time. A series goes on: the cancelled occurrence is never re-created.",
      access: { permission: "sessions:cancel", scope: "the session's member, its coach, or the owner." },
      path: { id: "The session's id." },
      body: {
        name: "CancelSessionInput",
        schema: cancelSessionBody,
        required: false,
        notes: { reason: { description: "Why; at most 1000 characters." } },
        example: { reason: "Travelling" },
      },
      success: { status: 200, description: "The session, now cancelled.", schema: session },
      errors: {
        400: "`reason` too long, an unknown field, or a body that is not JSON.",
        404: "No such session — or someone else's.",
        409: "Not scheduled (the message names its status), or — for a member — it already started.",
      },
    },
  },
  "/api/v1/sessions/{id}/no-show": {
    post: {
      operationId: "markNoShow",
      tag: "sessions",
      summary: "Mark a session no-show (the member did not come)",
      description: "Once the session has started; from scheduled, or from completed as a correction.",
      access: { permission: "sessions:no-show", scope: "the session's coach, or the owner." },
      path: { id: "The session's id." },
      body: { name: "MarkNoShowInput", schema: noShowBody, required: false, description: "No fields: send nothing or {}." },
      success: { status: 200, description: "The session, now no_show.", schema: session },
      errors: {
        400: "Any field in the body, or a body that is not JSON.",
        403: "A member.",
        404: "No such session — or another coach's.",
        409: "Not started yet, cancelled, already no_show, or a group class (its attendance is marked per place: POST /api/v1/enrolments/{id}/attendance).",
      },
    },
  },
  "/api/v1/conflicts": {
    get: {
      operationId: "listConflicts",
      tag: "conflicts",
      summary: "Generation conflicts: occurrences a series could not place",
      access: { permission: "conflicts:manage", scope: "a coach their own, the owner everyone's." },
      query: {
        schema: listConflictsInput,
        notes: {
          status: { description: "Default open (waiting for a decision)." },
          coachId: { description: "Only this coach's (ANDed with your scope)." },
        },
      },
      success: {
        status: 200,
        description: "Conflicts by occurrence start.",
        schema: { type: "object", properties: { conflicts: { type: "array", items: ref("ConflictView") } }, required: ["conflicts"] },
      },
      errors: { 400: "Unknown status, or an unknown query parameter.", 403: "A member." },
    },
  },
  "/api/v1/conflicts/{id}/resolve": {
    post: {
      operationId: "resolveConflict",
      tag: "conflicts",
      summary: "Dismiss a conflict, or retry placing its occurrence",
      description:
        '"dismiss": the occurrence stays skipped. "retry": place it now as a scheduled session if it fits (not blocked, inside availability, both calendars free); otherwise 409 and the conflict stays open.',
      access: { permission: "conflicts:manage", scope: "the conflict's coach, or the owner." },
      path: { id: "The conflict's id." },
      body: {
        name: "ResolveConflictInput",
        schema: resolveConflictBody,
        notes: { note: { description: 'Appended to the resolution ("dismissed: <note>"); at most 1000 characters.' } },
        example: { action: "retry" },
      },
      success: {
        status: 200,
        description: "The conflict, resolved, and the session a retry placed (null on dismiss).",
        schema: {
          type: "object",
          properties: { conflict: ref("ConflictView"), session: nullable(ref("SessionView")) },
          required: ["conflict", "session"],
        },
      },
      errors: {
        400: "`action` missing or unknown, `note` too long, an unknown field, or a body that is not JSON.",
        403: "A member.",
        404: "No such conflict — or another coach's.",
        409: "Already resolved; or a retry that still does not fit (the reason is named), whose occurrence already started, or whose series was cancelled.",
      },
    },
  },
};
