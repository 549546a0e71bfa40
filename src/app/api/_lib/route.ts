// The one wrapper for REST route handlers: resolve the actor (cookie or
// bearer), parse params, query and JSON body with zod, call the use case and
// answer its result as JSON. Errors always take DESIGN.md's shape
// { "error": { "code", "message", "fields"? } } (a use case may answer JSON
// it already holds as text: JsonText); an unexpected error is logged
// here and answered as a bare 500, never with its stack; the database being
// unreachable is answered 503 "unavailable" (the client may retry).
//
// A route whose data any signed-in user may read can name that read as
// `preload`: it then runs alongside the session lookup (each on its own pool
// connection) instead of after it. The answer is the same as without it: no
// session → 401 whatever the read did (its result and any error are dropped
// unread), bad input → 400 once signed in, and `handle`'s use case still
// authorizes before it awaits the read.
//
// Abuse defences (docs/decisions/0003): a state-changing request that rides
// on the session cookie must come from a trusted origin and be JSON
// (refuseCrossSiteCookieWrite: 403 / 415, before anything is read); every
// write by a signed-in user counts against their per-user limit in
// PostgreSQL (limitWrites: 429 with Retry-After).
import type { z } from "zod";
import type { Actor } from "@/auth/actor";
import { getCurrentActor } from "@/auth/current-actor";
import { trustedOrigins } from "@/auth/trusted-origins";
import { getDatabase, type DatabaseOrTransaction } from "@/db";
import { errorSummary, isDatabaseUnavailable } from "@/db/errors";
import { AppError, DATABASE_UNAVAILABLE, errorStatus, isAppError } from "@/domain/errors";
import { hitRateLimit, rateLimitedError } from "@/server/rate-limits/hit-rate-limit";
import { rateLimitRule } from "@/server/rate-limits/rate-limit-rules";
import { readBodyText } from "@/server/body-size-limit";
import { JsonText } from "@/server/json-text";
import { parseInput } from "@/server/validation";

type RouteParams = Record<string, string | string[] | undefined>;

interface RouteContext {
  params: Promise<RouteParams>;
}

interface HandlerArgs<Params, Query, Body, Preloaded> {
  request: Request;
  /** The signed-in user; never null unless the route is `public`. */
  actor: Actor | null;
  db: DatabaseOrTransaction;
  params: Params;
  query: Query;
  body: Body;
  /** The route's `preload`, started before the actor was known; undefined without one. */
  preloaded: Promise<Preloaded> | undefined;
}

interface PreloadArgs<Params, Query> {
  db: DatabaseOrTransaction;
  params: Params;
  query: Query;
}

interface RouteDefinition<Params, Query, Body, Preloaded> {
  /** Without it, a request with no session gets 401 before its input is read. */
  public?: boolean;
  params?: z.ZodType<Params>;
  query?: z.ZodType<Query>;
  body?: z.ZodType<Body>;
  /** Success status; 200 unless given. 204 answers no body, whatever `handle` returns. */
  status?: number;
  /**
   * A read that every signed-in user may make, from the parsed params and
   * query only (never the body, never a write: it starts before the caller
   * is known). Handed to `handle` as a promise, for its use case to await
   * after it has authorized the actor.
   */
  preload?: (args: PreloadArgs<Params, Query>) => Promise<Preloaded>;
  handle: (args: HandlerArgs<Params, Query, Body, Preloaded>) => Promise<unknown>;
}

export function errorResponse(error: AppError): Response {
  const body = {
    code: error.code,
    message: error.message,
    ...(error.fields ? { fields: error.fields } : {}),
    ...error.details,
  };
  const retryAfter = error.details?.retryAfterSeconds;
  const headers = typeof retryAfter === "number" ? { "retry-after": String(retryAfter) } : undefined;
  return Response.json({ error: body }, { status: errorStatus[error.code], headers });
}

/** What an apiRoute handler reads and answers, kept on it for the API reference's test. */
export interface ApiRouteShape {
  body: boolean;
  query: boolean;
  status: number;
}

export function apiRoute<Params = undefined, Query = undefined, Body = undefined, Preloaded = undefined>(
  definition: RouteDefinition<Params, Query, Body, Preloaded>,
): ((request: Request, context: RouteContext) => Promise<Response>) & { shape: ApiRouteShape } {
  const readParams = async (context: RouteContext) => parse(definition.params, await context.params);
  const readQuery = (request: Request) => parse(definition.query, Object.fromEntries(new URL(request.url).searchParams));

  // Answers carry personal data: no cache may keep them (src/proxy.ts says so too).
  const handler = async (request: Request, context: RouteContext) => noStore(await answer(request, context));
  return Object.assign(handler, {
    shape: { body: definition.body !== undefined, query: definition.query !== undefined, status: definition.status ?? 200 },
  });
  async function answer(request: Request, context: RouteContext): Promise<Response> {
    try {
      refuseCrossSiteCookieWrite(request);
      const actorLookup = getCurrentActor(request.headers);
      // Params and query are parsed once per request, by the preload or after
      // the session lookup, whichever comes first (a failed parse is not
      // kept: it is thrown again where the answer is decided).
      let paramsRead: Promise<Params> | undefined;
      const paramsOnce = () => (paramsRead ??= readParams(context));
      let queryRead: { value: Query } | undefined;
      const queryOnce = () => (queryRead ??= { value: readQuery(request) }).value;
      // Without any credential the answer is 401 for sure: no read for it.
      const preloaded =
        definition.preload && mayBeSignedIn(request.headers)
          ? startPreload(definition.preload, paramsOnce(), queryOnce)
          : undefined;

      const actor = await actorLookup;
      if (!actor && !definition.public) throw new AppError("unauthenticated", "Sign in first");
      if (actor) await limitWrites(request, actor);

      const params = await paramsOnce();
      const query = queryOnce();
      const body = definition.body ? parse(definition.body, await readJson(request)) : (undefined as Body);

      const { db } = await getDatabase();
      const result = await definition.handle({ request, actor, db, params, query, body, preloaded });
      const status = definition.status ?? 200;
      // An answer that is not JSON (a calendar feed) is built by the route itself.
      if (result instanceof Response) return result;
      if (status === 204) return new Response(null, { status });
      if (result instanceof JsonText) return new Response(result.bytes, { status, headers: { "content-type": "application/json" } });
      return Response.json(result, { status });
    } catch (error) {
      if (isAppError(error)) return errorResponse(error);
      // The client hung up: its query was cancelled or its body cut short.
      // Not the database's fault, and nobody reads this answer.
      if (request.signal.aborted || isConnectionReset(error)) return clientAborted(request);
      if (isDatabaseUnavailable(error)) {
        console.error(`[api] ${request.method} ${new URL(request.url).pathname}: database unavailable:`, errorSummary(error));
        return Response.json({ error: DATABASE_UNAVAILABLE }, { status: 503, headers: { "retry-after": "5" } });
      }
      console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed:`, error);
      return Response.json({ error: { code: "internal", message: "Internal error" } }, { status: 500 });
    }
  }
}

function noStore(response: Response): Response {
  response.headers.set("cache-control", "no-store");
  return response;
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * CSRF: a browser attaches the cookie to a cross-site form POST, and a form
 * can send text/plain. So a write carrying a cookie and no Authorization
 * header must name a trusted Origin (or Sec-Fetch-Site: same-origin) and be
 * `Content-Type: application/json` (which a cross-site page cannot send
 * without a CORS preflight this app never grants). Bearer clients (session
 * tokens, API keys) are not exposed to CSRF and are left alone.
 */
export function refuseCrossSiteCookieWrite(request: Request): void {
  if (!WRITE_METHODS.has(request.method)) return;
  const headers = request.headers;
  if (headers.has("authorization") || !headers.has("cookie")) return;
  if (!fromTrustedOrigin(request)) {
    throw new AppError("forbidden", "A write with the session cookie must come from this app's own pages (Origin not trusted)");
  }
  const mediaType = (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw new AppError("unsupported_media_type", "Send the body as Content-Type: application/json", {
      "content-type": "Must be application/json",
    });
  }
}

function fromTrustedOrigin(request: Request): boolean {
  const headers = request.headers;
  if (headers.get("sec-fetch-site") === "same-origin") return true;
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  if (trustedOrigins(request).includes(origin)) return true;
  // The page's own host, as the browser addressed it: a cross-site page
  // cannot make a browser send another site's Host.
  try {
    const host = headers.get("x-forwarded-host") ?? headers.get("host");
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Per-user write limit: generous for a person clicking, tight for a runaway script. */
async function limitWrites(request: Request, actor: Actor): Promise<void> {
  if (!WRITE_METHODS.has(request.method)) return;
  const { db } = await getDatabase();
  const hit = await hitRateLimit(db, rateLimitRule("apiWritesPerUser"), actor.id);
  if (!hit.allowed) throw rateLimitedError(hit, "changes in a short time");
}

/**
 * The client's connection was cut while its body was being read: Node's
 * "aborted" error (ECONNRESET) can arrive before the request's signal says
 * so, depending on which event the loop runs first.
 */
function isConnectionReset(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth += 1) {
    if ((cause as Error & { code?: unknown }).code === "ECONNRESET" || cause.message === "aborted") return true;
  }
  return false;
}

/** 499 (nginx's "client closed request"): logged as what it is, not as a failure. */
function clientAborted(request: Request): Response {
  console.warn(`[api] ${request.method} ${new URL(request.url).pathname} aborted by client`);
  return new Response(null, { status: 499 });
}

function mayBeSignedIn(headers: Headers): boolean {
  return headers.has("authorization") || headers.has("cookie");
}

/**
 * Starts a route's preload on parsed input. Nothing it does can settle the
 * request before the actor is known: invalid input starts no read (the
 * route reads its input again after authentication and answers the 400
 * then), and a failed read is only seen by a handler that awaits it.
 */
function startPreload<Params, Query, Preloaded>(
  preload: (args: PreloadArgs<Params, Query>) => Promise<Preloaded>,
  params: Promise<Params>,
  readQuery: () => Query,
): Promise<Preloaded> {
  const read = (async () => {
    const args = { params: await params, query: readQuery() };
    const { db } = await getDatabase();
    return preload({ db, ...args });
  })();
  read.catch(() => {}); // dropped unread without a session: not an unhandled rejection
  return read;
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown): T {
  return schema ? parseInput(schema, value) : (undefined as T);
}

/** An empty body reads as {}; anything else must be JSON, within BODY_SIZE_LIMIT (413). */
async function readJson(request: Request): Promise<unknown> {
  const text = await readBodyText(request);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON", { body: "Not valid JSON" });
  }
}
