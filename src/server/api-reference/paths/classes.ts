// Group classes: the timetable, scheduling and cancelling a class, places
// and the waitlist (enrol, give up, attendance), weekly class series and
// members' standing places in them. See src/server/classes/.
import { z } from "zod";
import { cancelClassBody } from "@/server/classes/cancel-class";
import { createClassInput } from "@/server/classes/create-class";
import { createClassSeriesInput } from "@/server/classes/create-class-series";
import { createStandingPlaceBody } from "@/server/classes/create-standing-place";
import { enrolInClassBody } from "@/server/classes/enrol-in-class";
import { listClassSeriesInput } from "@/server/classes/list-class-series";
import { listClassesInput } from "@/server/classes/list-classes";
import { listEnrolmentsInput } from "@/server/classes/list-enrolments";
import { listStandingPlacesInput } from "@/server/classes/list-standing-places";
import { markAttendanceBody } from "@/server/classes/mark-attendance";
import { CLASS_CAPACITY, CLASS_TITLE_MAX } from "@/domain/enrolment";
import { nullable, ref, type JsonSchema } from "../json-schema";
import type { PathSpecs } from "../operation";

const MANAGE = "a coach their own classes, the owner any coach's.";
const WHO_ENROLS = "a member for themself (memberId omitted or their own id); the class's coach or the owner for a member (memberId).";
const classPath = { id: "The class's id." };
const enrolmentPath = { id: "The enrolment's id." };
const seriesPath = { id: "The class series' id." };

/** The routes' own bodies where a POST takes no field (src/app/api/v1/…/cancel/route.ts): nothing, or {}. */
const cancelEnrolmentBody = z.strictObject({});
const cancelClassSeriesBody = z.strictObject({});
const cancelStandingPlaceBody = z.strictObject({});

function envelope(properties: Record<string, JsonSchema>): JsonSchema {
  return { type: "object", properties, required: Object.keys(properties) };
}
const list = (name: string): JsonSchema => ({ type: "array", items: ref(name) });

const unverified = 'a member whose e-mail address is not verified while the studio requires it ("Verify your e-mail address before booking")';

/** What POST /api/v1/classes/{id}/enrolments answers: the place taken, its position only when waitlisted. */
const enrolled: JsonSchema = envelope({
  enrolment: {
    description: "The place taken: confirmed, or waitlisted with its 1-based position (position only then).",
    oneOf: [
      {
        type: "object",
        properties: { id: { type: "string" }, status: { const: "confirmed" } },
        required: ["id", "status"],
        additionalProperties: false,
      },
      {
        type: "object",
        properties: { id: { type: "string" }, status: { const: "waitlisted" }, position: { type: "integer", minimum: 1 } },
        required: ["id", "status", "position"],
        additionalProperties: false,
      },
    ],
  },
});

const classNotes = {
  title: { description: `Trimmed, 1–${CLASS_TITLE_MAX} characters.` },
  capacity: { description: `Places, ${CLASS_CAPACITY.min}–${CLASS_CAPACITY.max} (one place is a one-to-one session: book that instead).` },
};

export const classPaths: PathSpecs = {
  "/api/v1/classes": {
    get: {
      operationId: "listClasses",
      tag: "classes",
      summary: "The class timetable: classes that start in [from, to)",
      description:
        "Every class of every coach (or of coachId), cancelled ones too, with its places held, waitlist length, places left, and your own place (myEnrolment) if you have one.",
      access: { permission: "classes:read" },
      query: {
        schema: listClassesInput,
        notes: {
          from: { description: "ISO 8601 instant with an offset: classes starting at or after it." },
          to: { description: "ISO 8601 instant with an offset (exclusive); after from, at most 92 days later." },
          coachId: { description: "Only this coach's classes." },
        },
      },
      success: { status: 200, description: "Classes in start order.", schema: envelope({ classes: list("ClassView") }) },
      errors: { 400: "from or to missing or not an instant, to not after from, a range over 92 days, or an unknown query parameter." },
    },
    post: {
      operationId: "createClass",
      tag: "classes",
      summary: "Schedule a one-off class",
      description:
        "It takes the coach's time like any session: refused over time off or another session or class of the coach. It need not lie inside the coach's weekly hours.",
      access: { permission: "classes:manage", scope: MANAGE },
      body: {
        name: "CreateClassInput",
        schema: createClassInput,
        notes: {
          coachId: { description: "The coach's user id (400 naming coachId when it is not a coach)." },
          ...classNotes,
          startsAt: { description: "ISO 8601 instant with an offset, in the future and within the booking window." },
          endsAt: { description: "ISO 8601 instant with an offset; after startsAt, at most 8 hours later." },
        },
        example: { coachId: "3f1c…", title: "Pilates", startsAt: "2030-03-20T18:00:00Z", endsAt: "2030-03-20T19:00:00Z", capacity: 12 },
      },
      success: { status: 201, description: "The class.", schema: envelope({ class: ref("ClassView") }) },
      errors: {
        400: "Bad or missing fields (named in `fields`): a title empty or too long, a capacity out of 2–500, endsAt not after startsAt or over 8 hours, startsAt in the past or beyond the booking window, coachId not a coach; an unknown field, or a body that is not JSON.",
        403: "A member, or a coach scheduling for another coach.",
        409: "The coach has time off, a session or a class at that time.",
      },
    },
  },
  "/api/v1/classes/{id}": {
    get: {
      operationId: "getClass",
      tag: "classes",
      summary: "One class, with its roster for its coach and the owner",
      description:
        "The roster lists the places held (confirmed, attended, no-show), then the waitlist in order, then the places given up. A member (or another coach) gets `roster: null`: they see the class and their own place only.",
      access: { permission: "classes:read" },
      path: classPath,
      success: {
        status: 200,
        description: "The class and, for its coach and the owner, its roster.",
        schema: envelope({ class: ref("ClassView"), roster: nullable(list("EnrolmentView")) }),
      },
      errors: { 404: "No class with this id." },
    },
  },
  "/api/v1/classes/{id}/cancel": {
    post: {
      operationId: "cancelClass",
      tag: "classes",
      summary: "Cancel one class",
      description: "Only a scheduled class. Its places and waitlist end with it, and everyone who had a place or waited is told.",
      access: { permission: "classes:manage", scope: MANAGE },
      path: classPath,
      body: {
        name: "CancelClassInput",
        schema: cancelClassBody,
        required: false,
        notes: { reason: { description: "Why; at most 1000 characters. Told to the members." } },
        example: { reason: "The studio is closed" },
      },
      success: { status: 200, description: "The class, now cancelled.", schema: envelope({ class: ref("ClassView") }) },
      errors: {
        400: "`reason` too long, an unknown field, or a body that is not JSON.",
        403: "A member.",
        404: "No such class — or another coach's.",
        409: "The class is not scheduled (already cancelled or completed).",
      },
    },
  },
  "/api/v1/classes/{id}/enrolments": {
    get: {
      operationId: "listClassRoster",
      tag: "classes",
      summary: "A class's roster: places, the waitlist in order, places given up",
      access: { permission: "classes:read", scope: "the class's coach and the owner; anyone else is refused (403)." },
      path: classPath,
      success: { status: 200, description: "Its enrolments, places first, then the waitlist in order.", schema: envelope({ enrolments: list("EnrolmentView") }) },
      errors: { 403: "A member, or a coach who does not run this class.", 404: "No class with this id." },
    },
    post: {
      operationId: "enrolInClass",
      tag: "classes",
      summary: "Take a place in a class, or a place on its waitlist when it is full",
      description:
        "The capacity is the database's: of members enrolling at once, exactly the places left are confirmed and the others are waitlisted at distinct positions 1, 2, … in the order their requests were served. The member is told (a message) either way.",
      access: { permission: "classes:enrol", scope: WHO_ENROLS },
      path: classPath,
      body: {
        name: "EnrolInClassInput",
        schema: enrolInClassBody,
        required: false,
        notes: { memberId: { description: "Required when the class's coach or the owner enrols a member; a member leaves it out (or sends their own id)." } },
        example: {},
      },
      success: { status: 201, description: "The place: confirmed, or waitlisted with its position.", schema: enrolled },
      errors: {
        400: "memberId missing (coach/owner) or not a member, an unknown field, or a body that is not JSON.",
        403: `A member enrolling someone else, a coach enrolling in another coach's class, or ${unverified}.`,
        404: "No class with this id.",
        409: "The class is cancelled, completed or already started; the member already has a place or a waitlist place in it; or they have a session or another class at that time.",
      },
    },
  },
  "/api/v1/enrolments": {
    get: {
      operationId: "listEnrolments",
      tag: "classes",
      summary: "Places in classes that start in [from, to), with their classes",
      description: "\"My classes\": a member's own places; a coach's, the places in their classes; the owner's, every place.",
      access: { permission: "classes:read", scope: "a member their own places, a coach the places in their classes, the owner all." },
      query: {
        schema: listEnrolmentsInput,
        notes: {
          from: { description: "ISO 8601 instant with an offset: classes starting at or after it. Default: now." },
          to: { description: "ISO 8601 instant with an offset (exclusive), after from. Default: no end." },
        },
      },
      success: {
        status: 200,
        description: "The places (by class start), and each class they are in.",
        schema: envelope({ enrolments: list("EnrolmentView"), classes: list("ClassView") }),
      },
      errors: { 400: "A bad from or to, to not after from, an unknown status, or an unknown query parameter." },
    },
  },
  "/api/v1/enrolments/{id}/cancel": {
    post: {
      operationId: "cancelEnrolment",
      tag: "classes",
      summary: "Give up a place or a waitlist place",
      description:
        "A freed place goes at once to the first on the waitlist who is free then (promoted, and told) — unless the class starts within the studio's waitlist cut-off (waitlistCutoffMinutes). A member gives up their place before the class starts; its coach or the owner while it is scheduled.",
      access: { permission: "classes:enrol", scope: "the place's member, the class's coach, or the owner." },
      path: enrolmentPath,
      body: { name: "CancelEnrolmentInput", schema: cancelEnrolmentBody, required: false, description: "No fields: send nothing or {}." },
      success: {
        status: 200,
        description: "The place, now cancelled, and the places it promoted from the waitlist.",
        schema: envelope({ enrolment: ref("EnrolmentView"), promoted: list("EnrolmentView") }),
      },
      errors: {
        400: "Any field in the body, or a body that is not JSON.",
        404: "No such enrolment — or one outside your scope.",
        409: "The place is already cancelled (or attended, no-show), the class is not scheduled, or — for a member — it already started.",
      },
    },
  },
  "/api/v1/enrolments/{id}/attendance": {
    post: {
      operationId: "markAttendance",
      tag: "classes",
      summary: "Mark a place attended or no-show",
      description: "Once the class has started, on a held place (confirmed, attended or no-show); a mark may be corrected either way.",
      access: { permission: "classes:manage", scope: "the class's coach, or the owner." },
      path: enrolmentPath,
      body: {
        name: "MarkAttendanceInput",
        schema: markAttendanceBody,
        example: { attendance: "attended" },
      },
      success: { status: 200, description: "The place, as marked.", schema: envelope({ enrolment: ref("EnrolmentView") }) },
      errors: {
        400: '`attendance` missing or not "attended" / "no_show", an unknown field, or a body that is not JSON.',
        403: "A member.",
        404: "No such enrolment — or one in another coach's class.",
        409: "The class has not started yet or was cancelled, or the place is not held (waitlisted or cancelled).",
      },
    },
  },
  "/api/v1/class-series": {
    get: {
      operationId: "listClassSeries",
      tag: "classes",
      summary: "The weekly class series",
      access: { permission: "classes:read" },
      query: {
        schema: listClassSeriesInput,
        notes: { coachId: { description: "Only this coach's series." }, status: { description: "Default active." } },
      },
      success: { status: 200, description: "Series by weekday and time.", schema: envelope({ classSeries: list("ClassSeriesView") }) },
      errors: { 400: "Unknown status, or an unknown query parameter." },
    },
    post: {
      operationId: "createClassSeries",
      tag: "classes",
      summary: "Schedule a weekly class",
      description:
        "Its classes up to the booking horizon (SESSION_HORIZON_WEEKS) are placed at once, the later ones by the daily generator. An occurrence over time off or another session of the coach is not placed: it is recorded as an open conflict (listed in the answer and in the coach's conflicts) for the coach or owner to resolve.",
      access: { permission: "classes:manage", scope: MANAGE },
      body: {
        name: "CreateClassSeriesInput",
        schema: createClassSeriesInput,
        notes: {
          coachId: { description: "The coach's user id (400 naming coachId when it is not a coach)." },
          ...classNotes,
          dayOfWeek: { description: "0 = Sunday … 6 = Saturday." },
          startTime: { description: "HH:MM, wall-clock in the coach's zone." },
          endTime: { description: "HH:MM, after startTime." },
          startDate: {
            format: "date",
            description: "YYYY-MM-DD, today or later in the coach's zone, within the booking window. The first class is on the first dayOfWeek on or after it.",
          },
          endDate: { description: "YYYY-MM-DD on or after startDate and not before the first class; null or absent = open-ended." },
          frequency: { description: "Every 1–4 weeks; default 1." },
        },
        example: { coachId: "3f1c…", title: "Yoga", capacity: 12, dayOfWeek: 3, startTime: "18:00", endTime: "19:00", startDate: "2030-03-06" },
      },
      success: {
        status: 201,
        description: "The series, its classes placed up to the horizon, and the occurrences that did not fit (open conflicts).",
        schema: envelope({ classSeries: ref("ClassSeriesView"), classes: list("ClassView"), conflicts: list("ConflictView") }),
      },
      errors: {
        400: "Bad or missing fields (named in `fields`): a title or capacity out of bounds, endTime not after startTime, startDate in the past or beyond the booking window, endDate before startDate or the first class, coachId not a coach; an unknown field, or a body that is not JSON.",
        403: "A member, or a coach scheduling for another coach.",
      },
    },
  },
  "/api/v1/class-series/{id}/cancel": {
    post: {
      operationId: "cancelClassSeries",
      tag: "classes",
      summary: "End a class series",
      description:
        "No more classes are generated; its upcoming classes are cancelled (their places and waitlists end, and everyone is told), its standing places end and its open conflicts are closed. Past classes are kept.",
      access: { permission: "classes:manage", scope: MANAGE },
      path: seriesPath,
      body: { name: "CancelClassSeriesInput", schema: cancelClassSeriesBody, required: false, description: "No fields: send nothing or {}." },
      success: {
        status: 200,
        description: "The series, now cancelled, and how many upcoming classes were cancelled.",
        schema: envelope({ classSeries: ref("ClassSeriesView"), cancelledClasses: { type: "integer", minimum: 0 } }),
      },
      errors: {
        400: "Any field in the body, or a body that is not JSON.",
        403: "A member.",
        404: "No such class series — or another coach's.",
        409: "The series is already cancelled.",
      },
    },
  },
  "/api/v1/class-series/{id}/standing-places": {
    get: {
      operationId: "listSeriesStandingPlaces",
      tag: "classes",
      summary: "A class series' active standing places (within your scope)",
      description: "A series with none of yours gives an empty list.",
      access: { permission: "classes:read", scope: "a member their own, a coach those in their series, the owner all." },
      path: seriesPath,
      success: { status: 200, description: "Standing places, oldest first.", schema: envelope({ standingPlaces: list("StandingPlaceView") }) },
      errors: { 404: "No class series with this id." },
    },
    post: {
      operationId: "createStandingPlace",
      tag: "classes",
      summary: "Take a standing place: a place in every class of a series",
      description:
        "A place in each upcoming class of the series at once, and in each new one as it is generated. A class already full puts the member on its waitlist (and tells them); a class at a time the member holds something else is left out.",
      access: { permission: "classes:enrol", scope: "a member for themself; the series' coach or the owner for a member (memberId)." },
      path: seriesPath,
      body: {
        name: "CreateStandingPlaceInput",
        schema: createStandingPlaceBody,
        required: false,
        notes: { memberId: { description: "Required when the series' coach or the owner takes a place for a member; a member leaves it out." } },
        example: {},
      },
      success: {
        status: 201,
        description: "The standing place and the places it took in the classes already placed.",
        schema: envelope({ standingPlace: ref("StandingPlaceView"), enrolments: list("EnrolmentView") }),
      },
      errors: {
        400: "memberId missing (coach/owner) or not a member, an unknown field, or a body that is not JSON.",
        403: `A member taking a place for someone else, a coach in another coach's series, or ${unverified}.`,
        404: "No class series with this id.",
        409: "The series is cancelled, or the member already has a standing place in it.",
      },
    },
  },
  "/api/v1/standing-places": {
    get: {
      operationId: "listStandingPlaces",
      tag: "classes",
      summary: "Standing places in class series",
      access: { permission: "classes:read", scope: "a member their own, a coach those in their series, the owner all." },
      query: {
        schema: listStandingPlacesInput,
        notes: { seriesId: { description: "Only this series' standing places." }, status: { description: "Default active." } },
      },
      success: { status: 200, description: "Standing places, oldest first.", schema: envelope({ standingPlaces: list("StandingPlaceView") }) },
      errors: { 400: "Unknown status, or an unknown query parameter.", 404: "seriesId names no class series." },
    },
  },
  "/api/v1/standing-places/{id}/cancel": {
    post: {
      operationId: "cancelStandingPlace",
      tag: "classes",
      summary: "End a standing place",
      description: "No place in later classes; its places in upcoming classes are given up, each freed place going to that class's waitlist.",
      access: { permission: "classes:enrol", scope: "its member, the series' coach, or the owner." },
      path: { id: "The standing place's id." },
      body: { name: "CancelStandingPlaceInput", schema: cancelStandingPlaceBody, required: false, description: "No fields: send nothing or {}." },
      success: {
        status: 200,
        description: "The standing place, now cancelled, and how many upcoming places it gave up.",
        schema: envelope({ standingPlace: ref("StandingPlaceView"), cancelledPlaces: { type: "integer", minimum: 0 } }),
      },
      errors: {
        400: "Any field in the body, or a body that is not JSON.",
        404: "No such standing place — or one outside your scope.",
        409: "The standing place is already cancelled.",
      },
    },
  },
};
