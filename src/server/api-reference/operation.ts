// One operation of the API reference, as written in paths/*.ts, and how it
// becomes an OpenAPI operation object. Who may call it comes from the single
// role → permission map (src/auth/permissions.ts), so the reference lists
// the roles the code actually checks; `x-roles` carries them for machines.
import type { z } from "zod";
import { permissions, type Permission } from "@/auth/permissions";
import { errorResponseNames, type ErrorStatus } from "./components";
import { fromZod, ref, type FieldNotes, type JsonSchema } from "./json-schema";

export type Role = "owner" | "coach" | "member" | "anonymous" | "cron";

export type Access =
  /** A signed-in user whose role has this permission; `scope` says what each role may touch. */
  | { permission: Permission; scope?: string }
  /** No sign-in. */
  | { anonymous: true }
  /** `Authorization: Bearer $CRON_SECRET`, no user. */
  | { cronSecret: true };

export interface RequestSchema {
  /** Its name under components.schemas (shared by operations that take the same body). */
  name: string;
  /** The zod schema the use case (or route) parses this input with. */
  schema: z.ZodType;
  /** What JSON Schema cannot express: refinements, defaults' meaning, cross-field rules. */
  notes?: FieldNotes;
  description?: string;
}

export interface OperationSpec {
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  /** Path parameters: name → description. */
  path?: Record<string, string>;
  query?: { schema: z.ZodType; notes?: FieldNotes };
  body?: RequestSchema & {
    /** Default true; false when an empty body is fine (it reads as {}). */
    required?: boolean;
    /** An example body; the test parses it with `schema`. */
    example?: unknown;
  };
  success: {
    /** 204: no body (`schema` is ignored). */
    status: 200 | 201 | 204;
    description: string;
    schema?: JsonSchema;
    example?: unknown;
    /** The body's media type when it is not JSON (a calendar feed: text/calendar). */
    contentType?: string;
  };
  /** Every error status this operation can answer, each with when. 401 is added for signed-in access. */
  errors: Partial<Record<ErrorStatus, string>>;
  /** The 409 carries `conflicts` (a weekly series booked with onConflict "reject"). */
  recurringConflict?: boolean;
  /** Responses outside the API error shape (the health check's 503). */
  otherResponses?: Record<string, JsonSchema>;
}

export function rolesOf(access: Access): Role[] {
  if ("anonymous" in access) return ["anonymous"];
  if ("cronSecret" in access) return ["cron"];
  return [...permissions[access.permission]];
}

function securityOf(access: Access): Array<Record<string, string[]>> {
  if ("anonymous" in access) return [];
  if ("cronSecret" in access) return [{ cronSecret: [] }];
  return [{ bearerAuth: [] }, { cookieAuth: [] }];
}

function whoMayCall(access: Access): string {
  if ("anonymous" in access) return "Anyone; no sign-in.";
  if ("cronSecret" in access) return "The scheduler only: `Authorization: Bearer $CRON_SECRET` (no user session).";
  const roles = permissions[access.permission].join(", ");
  return `Signed-in ${roles} (permission \`${access.permission}\`)${access.scope ? `: ${access.scope}` : "."}`;
}

/** Query parameters from a zod object schema: one per property. */
function queryParameters(schema: z.ZodType, notes?: FieldNotes): JsonSchema[] {
  const json = fromZod(schema, notes);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: "query",
      required: required.has(name),
      ...(description ? { description } : {}),
      schema: propertySchema,
    };
  });
}

/**
 * The OpenAPI operation object. Request schemas land in `schemas` (the
 * document's components.schemas) under their names; two different zod
 * schemas under one name are refused.
 */
export function buildOperation(
  method: HttpMethod,
  spec: OperationSpec,
  schemas: Record<string, JsonSchema>,
  registered: Map<string, z.ZodType>,
): JsonSchema {
  const parameters: JsonSchema[] = [
    ...Object.entries(spec.path ?? {}).map(([name, description]) => ({
      name,
      in: "path",
      required: true,
      description,
      schema: { type: "string" },
    })),
    ...(spec.query ? queryParameters(spec.query.schema, spec.query.notes) : []),
  ];

  let requestBody: JsonSchema | undefined;
  if (spec.body) {
    const { name, schema, notes, description } = spec.body;
    const previous = registered.get(name);
    if (previous && previous !== schema) throw new Error(`API reference: two request schemas named ${name}`);
    if (!previous) {
      registered.set(name, schema);
      schemas[name] = fromZod(schema, notes, description);
    }
    requestBody = {
      required: spec.body.required ?? true,
      content: {
        "application/json": {
          schema: ref(name),
          ...(spec.body.example !== undefined ? { example: spec.body.example } : {}),
        },
      },
    };
  }

  const responses: Record<string, JsonSchema> = {
    [spec.success.status]: {
      description: spec.success.description,
      ...(spec.success.status === 204
        ? {}
        : {
            content: {
              [spec.success.contentType ?? "application/json"]: {
                schema: spec.success.schema ?? {},
                ...(spec.success.example !== undefined ? { example: spec.success.example } : {}),
              },
            },
          }),
    },
  };
  const errors: Partial<Record<ErrorStatus, string>> = { ...spec.errors };
  const signedIn = "permission" in spec.access;
  if (signedIn && !errors[401]) errors[401] = "No valid session (cookie or bearer token).";
  const write = method !== "get";
  errors[400] ??= "A malformed path (a bad % escape), an unknown query parameter, or a body that is not the JSON described.";
  if (signedIn && write) errors[403] ??= "A cookie-authenticated write from an Origin that is not the app's own.";
  for (const status of Object.keys(errors).map(Number).sort() as ErrorStatus[]) {
    const name = status === 409 && spec.recurringConflict ? "RecurringConflict" : errorResponseNames[status];
    responses[status] = { $ref: `#/components/responses/${name}`, description: errors[status] };
  }
  Object.assign(responses, commonResponses(signedIn && write), spec.otherResponses);

  const roles = rolesOf(spec.access);
  return {
    operationId: spec.operationId,
    tags: [spec.tag],
    summary: spec.summary,
    description: [spec.description, `**Who may call:** ${whoMayCall(spec.access)}`].filter(Boolean).join("\n\n"),
    "x-roles": roles,
    ...("permission" in spec.access ? { "x-permission": spec.access.permission } : {}),
    security: securityOf(spec.access),
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

/**
 * What any operation may answer besides its own outcomes, decided before or
 * around its use case: Node's header limit (431), the front server's body checks (411, 413), the
 * server's 500 and 503; for a signed-in write, the JSON rule (415) and the
 * per-user write limit (429).
 */
function commonResponses(signedInWrite: boolean): Record<string, JsonSchema> {
  const shared = (name: string) => ({ $ref: `#/components/responses/${name}` });
  return {
    411: shared("LengthRequired"),
    413: shared("PayloadTooLarge"),
    ...(signedInWrite ? { 415: shared("UnsupportedMediaType"), 429: shared("RateLimited") } : {}),
    431: { description: "The URL or the headers are larger than Node.js accepts (16 KB): refused before the app, with no body." },
    500: shared("Internal"),
    503: shared("Unavailable"),
  };
}

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** Path template ("/api/v1/sessions/{id}/cancel") → method → operation. */
export type PathSpecs = Record<string, Partial<Record<HttpMethod, OperationSpec>>>;
