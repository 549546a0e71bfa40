// The one wrapper for REST route handlers: resolve the actor (cookie or
// bearer), parse params, query and JSON body with zod, call the use case and
// answer its result as JSON. Errors always take DESIGN.md's shape
// { "error": { "code", "message", "fields"? } }; an unexpected error is logged
// here and answered as a bare 500, never with its stack; the database being
// unreachable is answered 503 "unavailable" (the client may retry).
import type { z } from "zod";
import { getCurrentActor, type Actor } from "@/auth/current-actor";
import { getDatabase, type DatabaseOrTransaction } from "@/db";
import { errorSummary, isDatabaseUnavailable } from "@/db/errors";
import { AppError, DATABASE_UNAVAILABLE, errorStatus, isAppError } from "@/domain/errors";
import { parseInput } from "@/server/validation";

type RouteParams = Record<string, string | string[] | undefined>;

interface RouteContext {
  params: Promise<RouteParams>;
}

interface HandlerArgs<Params, Query, Body> {
  request: Request;
  /** The signed-in user; never null unless the route is `public`. */
  actor: Actor | null;
  db: DatabaseOrTransaction;
  params: Params;
  query: Query;
  body: Body;
}

interface RouteDefinition<Params, Query, Body> {
  /** Without it, a request with no session gets 401 before its input is read. */
  public?: boolean;
  params?: z.ZodType<Params>;
  query?: z.ZodType<Query>;
  body?: z.ZodType<Body>;
  /** Success status; 200 unless given. */
  status?: number;
  handle: (args: HandlerArgs<Params, Query, Body>) => Promise<unknown>;
}

export function errorResponse(error: AppError): Response {
  const body = {
    code: error.code,
    message: error.message,
    ...(error.fields ? { fields: error.fields } : {}),
    ...error.details,
  };
  return Response.json({ error: body }, { status: errorStatus[error.code] });
}

export function apiRoute<Params = undefined, Query = undefined, Body = undefined>(
  definition: RouteDefinition<Params, Query, Body>,
): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    try {
      const actor = await getCurrentActor(request.headers);
      if (!actor && !definition.public) throw new AppError("unauthenticated", "Sign in first");

      const params = parse(definition.params, await context.params);
      const query = parse(definition.query, Object.fromEntries(new URL(request.url).searchParams));
      const body = definition.body ? parse(definition.body, await readJson(request)) : (undefined as Body);

      const { db } = await getDatabase();
      const result = await definition.handle({ request, actor, db, params, query, body });
      return Response.json(result, { status: definition.status ?? 200 });
    } catch (error) {
      if (isAppError(error)) return errorResponse(error);
      if (isDatabaseUnavailable(error)) {
        console.error(`[api] ${request.method} ${new URL(request.url).pathname}: database unavailable:`, errorSummary(error));
        return Response.json({ error: DATABASE_UNAVAILABLE }, { status: 503, headers: { "retry-after": "5" } });
      }
      console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed:`, error);
      return Response.json({ error: { code: "internal", message: "Internal error" } }, { status: 500 });
    }
  };
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown): T {
  return schema ? parseInput(schema, value) : (undefined as T);
}

/** An empty body reads as {}; anything else must be JSON. */
async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON", { body: "Not valid JSON" });
  }
}
