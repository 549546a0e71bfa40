// The API reference: an OpenAPI 3.1 document built from the code, served at
// GET /api/v1/openapi.json. Request schemas come from the zod schemas the
// routes and use cases validate with, response shapes from the zod schemas of
// the views (components.ts), roles from the permission map.
// tests/unit/openapi.test.ts holds it to the route modules; the HTTP tests
// check every answer they receive against it (tests/helpers/api-contract.ts).
import type { z } from "zod";
import { errorResponses, responseSchemas, securitySchemes } from "./components";
import type { JsonSchema } from "./json-schema";
import { buildOperation, type HttpMethod, type OperationSpec, type PathSpecs } from "./operation";
import { apiKeyPaths } from "./paths/api-keys";
import { bookingPaths } from "./paths/bookings";
import { classPaths } from "./paths/classes";
import { coachPaths } from "./paths/coaches";
import { mePaths } from "./paths/me";
import { outboxPaths } from "./paths/outbox";
import { reportPaths } from "./paths/reports";
import { sessionPaths } from "./paths/sessions";
import { studioPaths } from "./paths/studio";
import { systemPaths } from "./paths/system";
import { userPaths } from "./paths/users";

const AUTH_GUIDE = `## Authentication

Sign-in is better-auth's, under \`/api/auth\` (not listed operation by operation here):

- \`POST /api/auth/sign-up/email\` \`{ "name", "email", "password" }\` — creates a **member** (a role is never taken from sign-up; the owner changes roles with PATCH /api/v1/users/{id}). The password: 10 to 128 characters, not a common password, not the e-mail; the name at most 100 characters. A refusal is 400 with \`fields\` naming the field. Sign-ups are limited per client address (429).
- \`POST /api/auth/sign-in/email\` \`{ "email", "password" }\` — answers the user, sets the session cookie, and returns the session token in the **\`set-auth-token\`** response header. Send it as \`Authorization: Bearer <token>\`. Failed sign-ins are limited per account and per client address (429 with \`Retry-After\`); successful ones are not counted.
- \`POST /api/auth/change-password\` \`{ "currentPassword", "newPassword" }\` — the same password rule (\`fields.newPassword\`); every other session of the user is signed out.
- \`POST /api/auth/sign-out\` — ends the session; its token stops working at once.
- \`GET /api/auth/get-session\` — the current session and user, or null.

POSTs to \`/api/auth/*\` must carry an **\`Origin\`** header of a trusted origin (the app's own URL; better-auth's CSRF check), e.g. \`-H "Origin: http://localhost:3000"\`.

**Personal API keys** are the way for scripts and integrations: create one with POST /api/v1/api-keys (or on the Account page) and send \`Authorization: Bearer cb_…\`. It acts as its user with that user's current role until revoked.

Every \`/api/v1\` and \`/api/admin\` operation accepts an API key, a bearer session token or the session cookie. A POST, PUT, PATCH or DELETE authenticated by the **cookie** (no \`Authorization\` header) must come from a trusted \`Origin\` (or \`Sec-Fetch-Site: same-origin\`), else 403 \`forbidden\`, and be \`Content-Type: application/json\`, else 415 \`unsupported_media_type\`: a defence against cross-site requests. Bearer clients are not affected. Every signed-in user's writes are limited (default 120 a minute): past it, 429 \`rate_limited\` with \`Retry-After\` (seconds) and \`retryAfterSeconds\` in the body. \`/api/cron/generate-sessions\` takes \`Authorization: Bearer $CRON_SECRET\` instead. Who may call an operation is in its description and in \`x-roles\` (owner, coach, member, anonymous, cron).

## Errors

Every error has one shape: \`{ "error": { "code", "message", "fields"? } }\`. \`code\` is one of invalid_input (400; \`fields\` names each bad field and the reason, and nothing was written), unauthenticated (401), forbidden (403: your role may not do this), not_found (404; also for a record outside your scope, so its existence is not revealed), conflict (409: the current state refuses it), unsupported_media_type (415), rate_limited (429). The 409 of a weekly series booked with onConflict "reject" adds \`conflicts: [{ date, startsAt, endsAt, reason }]\`. Unknown fields and query parameters are refused (400). An unexpected failure is a bare 500 \`{ "error": { "code": "internal", "message": "Internal error" } }\`.

## Time

Instants are ISO 8601 (answers in UTC; requests with an offset). Weekly rules and series are wall-clock HH:MM and dates in the coach's zone (\`timezone\` in each coach), day 0 = Sunday. Ranges are half-open [startsAt, endsAt).`;

const tags = [
  { name: "system", description: "Health and this reference." },
  { name: "users", description: "People and roles (owner only)." },
  { name: "api-keys", description: "Personal API keys: how scripts and integrations authenticate." },
  { name: "account", description: "Your own account: name, message settings, and your private calendar feed." },
  { name: "coaches", description: "Who can be booked." },
  { name: "availability", description: "A coach's weekly rules, one-off additions, time off, and the free slots they leave." },
  { name: "bookings", description: "Weekly series and one-time sessions." },
  { name: "sessions", description: "Concrete, dated sessions: list, cancel one, no-show." },
  { name: "classes", description: "Group classes: the timetable, places and the waitlist, attendance, weekly class series and standing places." },
  { name: "conflicts", description: "Occurrences a series could not place, for the coach and owner to resolve." },
  { name: "generation", description: "Creating the sessions of every series ahead of time: daily by cron, or by hand." },
  { name: "reports", description: "The business's figures (owner only)." },
  { name: "messages", description: "The outbox: every e-mail the studio sends, its delivery state, retries (owner only)." },
  { name: "studio", description: "Settings of the whole studio: the booking window, verified e-mail to book, the class waitlist's cut-off." },
];

/** Every documented path → method → operation, as written in paths/*.ts. */
export function operationSpecs(): PathSpecs {
  const all: PathSpecs = {};
  for (const area of [systemPaths, userPaths, apiKeyPaths, mePaths, coachPaths, bookingPaths, sessionPaths, classPaths, reportPaths, studioPaths, outboxPaths]) {
    for (const [path, methods] of Object.entries(area)) {
      if (all[path]) throw new Error(`API reference: ${path} is described twice`);
      all[path] = methods;
    }
  }
  return all;
}

/** The OpenAPI 3.1 document. Pure: no database, no request. */
export function buildOpenApiDocument(): JsonSchema {
  const schemas: Record<string, JsonSchema> = { ...responseSchemas };
  const registered = new Map<string, z.ZodType>();
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const specs = operationSpecs();
  for (const path of Object.keys(specs).sort()) {
    const item: Record<string, JsonSchema> = {};
    for (const [method, spec] of Object.entries(specs[path]!) as Array<[HttpMethod, OperationSpec]>) {
      item[method] = buildOperation(method, spec, schemas, registered);
    }
    paths[path] = item;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Coachbook API",
      version: "1",
      summary: "Booking for coaching businesses: availability, weekly series, one-time sessions, group classes.",
      description: AUTH_GUIDE,
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "/", description: "This server" }],
    tags,
    paths,
    components: { schemas, responses: errorResponses, securitySchemes },
  };
}
