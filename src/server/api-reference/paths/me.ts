// The signed-in user's own account (name, message settings) and their
// private calendar feed; and the feed itself, read by calendar apps.
import { updateMeInput } from "@/server/me/update-me";
import { ref } from "../json-schema";
import type { PathSpecs } from "../operation";

const scope = "each user only themself.";
const meEnvelope = { type: "object", properties: { user: ref("MeView") }, required: ["user"] };

export const mePaths: PathSpecs = {
  "/api/v1/me": {
    get: {
      operationId: "getMe",
      tag: "account",
      summary: "You, with your message settings",
      access: { permission: "account:manage", scope },
      success: { status: 200, description: "Your account.", schema: meEnvelope },
      errors: { 404: "Your account was deleted after the session began." },
    },
    patch: {
      operationId: "updateMe",
      tag: "account",
      summary: "Change your name or message settings",
      description: "Only the fields sent change; an empty body changes nothing.",
      access: { permission: "account:manage", scope },
      body: {
        name: "UpdateMeInput",
        schema: updateMeInput,
        notes: {
          name: { description: "Your name, 1–100 characters (trimmed)." },
          locale: { description: "The language of your messages." },
          timezone: { description: "IANA zone your messages show times in, e.g. Europe/Paris; null: the default (a coach's own zone, else the business zone)." },
          reminder: { description: "A reminder before each session: off, 2 hours or 24 hours before." },
          emailDigest: { description: "The owner's daily digest by e-mail (only owners receive it)." },
        },
        example: { locale: "fr", timezone: "Europe/Paris", reminder: "2h" },
      },
      success: { status: 200, description: "Your account as changed.", schema: meEnvelope },
      errors: {
        400: "A field that is not one of these, or a bad value: an empty name, a locale other than en/fr, an unknown time zone, a reminder other than off/2h/24h, a digest that is not a boolean.",
        404: "Your account was deleted after the session began.",
      },
    },
  },
  "/api/v1/me/calendar-feed": {
    get: {
      operationId: "getCalendarFeed",
      tag: "account",
      summary: "Your private calendar feed's address",
      description:
        "Adds your feed on the first ask; the same address after that (two first asks at once get the same one). Subscribe to `url` (or open `webcalUrl`) in a calendar app: it lists your sessions, as member or coach, from 30 days ago to the booking horizon. Anyone with the address can read it, so keep it private; get a new one with POST …/rotate.",
      access: { permission: "account:manage", scope },
      success: { status: 200, description: "The feed's addresses.", schema: ref("CalendarFeedView") },
      errors: {},
    },
    delete: {
      operationId: "revokeCalendarFeed",
      tag: "account",
      summary: "Turn your calendar feed off",
      description: "Its address answers 404 from now on. Nothing to turn off changes nothing. GET adds a new feed, at a new address.",
      access: { permission: "account:manage", scope },
      success: { status: 204, description: "Off (no body)." },
      errors: {},
    },
  },
  "/api/v1/me/calendar-feed/rotate": {
    post: {
      operationId: "rotateCalendarFeed",
      tag: "account",
      summary: "Replace your calendar feed's address",
      description:
        "The old address answers 404 from now on (calendars subscribed to it stop updating); the answer is the new one. With no feed yet, adds one. No body.",
      access: { permission: "account:manage", scope },
      success: { status: 200, description: "The new feed's addresses.", schema: ref("CalendarFeedView") },
      errors: { 404: "Your account was deleted after the session began.", 409: "Your feed was being changed by another request at the same moment; try again." },
    },
  },
  "/api/calendar-feeds/{token}": {
    get: {
      operationId: "calendarFeed",
      tag: "account",
      summary: "A calendar feed (iCalendar), for calendar apps",
      description:
        "The address from GET /api/v1/me/calendar-feed: `<token>.ics`. No sign-in: the token is the key. Every session of the feed's person, as member or coach, from 30 days ago to SESSION_HORIZON_WEEKS ahead, in UTC; cancelled ones (cancelled in the last 30 days) with STATUS:CANCELLED so subscribed calendars drop them. Each session keeps one UID (`session-<id>@coachbook`), as in e-mailed invitations.",
      access: { anonymous: true },
      path: { token: "The feed's token, followed by `.ics`." },
      success: {
        status: 200,
        description: "The calendar (METHOD:PUBLISH).",
        contentType: "text/calendar",
        schema: { type: "string" },
        example: "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Coachbook//Coachbook//EN\r\nMETHOD:PUBLISH\r\n…\r\nEND:VCALENDAR\r\n",
      },
      errors: { 404: "No feed has this token: unknown, replaced or turned off (answered alike)." },
    },
  },
};
