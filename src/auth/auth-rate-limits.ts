// Rate limits on better-auth's sign-in, sign-up and e-mailed links, kept in
// PostgreSQL (src/server/rate-limits) so every instance shares them, around
// the /api/auth route:
//
//   - sign-in: a failure slot is reserved per account (the normalised
//     e-mail) and per client address BEFORE the password is checked, so
//     parallel guesses cannot slip past the limit; a successful sign-in gives
//     both back, so it counts against nobody (a front-desk tablet signs in
//     all day). A refused request gives its reservations back too: it tried
//     nothing;
//   - sign-up: every attempt counts per client address;
//   - e-mails with a link (a password reset, a verification e-mail): every
//     request counts per client address and per e-mail address asked for,
//     so nobody floods an inbox or probes many addresses. better-auth's
//     answer is the same whether the address has an account or not, and so
//     is the refusal (429 before the address is looked up).
//
// The client address comes from client-address.ts (never a client-sent
// X-Forwarded-For unless the peer is a declared proxy).
import { getDatabase } from "@/db";
import { errorSummary, isDatabaseUnavailable } from "@/db/errors";
import { AppError, DATABASE_UNAVAILABLE, errorStatus } from "@/domain/errors";
import { MAX_EMAIL_LENGTH } from "@/domain/limits";
import { hitRateLimit, rateLimitedError, type RateLimitHit } from "@/server/rate-limits/hit-rate-limit";
import { rateLimitRule, type RateLimitName } from "@/server/rate-limits/rate-limit-rules";
import { releaseRateLimit } from "@/server/rate-limits/release-rate-limit";
import { clientAddress } from "./client-address";

type Handler = (request: Request) => Promise<Response>;

export async function withAuthRateLimits(request: Request, handle: Handler): Promise<Response> {
  if (request.method !== "POST") return handle(request);
  const pathname = new URL(request.url).pathname;
  try {
    if (pathname.endsWith("/sign-in/email")) return await limitSignIn(request, handle);
    if (pathname.endsWith("/sign-up/email")) return await limitSignUp(request, handle);
    if (pathname.endsWith("/request-password-reset")) {
      return await limitEmailLink(request, handle, ["passwordResetPerAddress", "passwordResetPerEmail"], "password-reset requests");
    }
    if (pathname.endsWith("/send-verification-email")) {
      return await limitEmailLink(request, handle, ["verificationEmailPerAddress", "verificationEmailPerEmail"], "verification e-mails");
    }
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    console.error(`[auth] ${pathname}: database unavailable:`, errorSummary(error));
    return Response.json({ error: DATABASE_UNAVAILABLE }, { status: 503, headers: { "retry-after": "5" } });
  }
  return handle(request);
}

async function limitSignIn(request: Request, handle: Handler): Promise<Response> {
  const { db } = await getDatabase();
  const now = new Date();
  const email = await bodyEmail(request);
  const reservations = await Promise.all([
    hitRateLimit(db, rateLimitRule("signInPerAddress"), clientAddress(request.headers), now),
    ...(email ? [hitRateLimit(db, rateLimitRule("signInPerAccount"), email, now)] : []),
  ]);
  const refused = reservations.filter((hit) => !hit.allowed);
  if (refused.length > 0) {
    await releaseAll(reservations);
    const longest = refused.reduce((a, b) => (a.retryAfterSeconds >= b.retryAfterSeconds ? a : b));
    return tooMany(longest, "failed sign-ins");
  }
  const response = await handle(request);
  if (response.ok) await releaseAll(reservations);
  return response;
}

async function limitSignUp(request: Request, handle: Handler): Promise<Response> {
  const { db } = await getDatabase();
  const hit = await hitRateLimit(db, rateLimitRule("signUpPerAddress"), clientAddress(request.headers));
  if (!hit.allowed) return tooMany(hit, "sign-ups from this address");
  return handle(request);
}

/** Counts the request per client address and per e-mail asked for; refused when either is over (and then counts against neither). */
async function limitEmailLink(
  request: Request,
  handle: Handler,
  [perAddress, perEmail]: [RateLimitName, RateLimitName],
  what: string,
): Promise<Response> {
  const { db } = await getDatabase();
  const now = new Date();
  const email = await bodyEmail(request);
  const hits = await Promise.all([
    hitRateLimit(db, rateLimitRule(perAddress), clientAddress(request.headers), now),
    ...(email ? [hitRateLimit(db, rateLimitRule(perEmail), email, now)] : []),
  ]);
  const refused = hits.filter((hit) => !hit.allowed);
  if (refused.length > 0) {
    await releaseAll(hits);
    const longest = refused.reduce((a, b) => (a.retryAfterSeconds >= b.retryAfterSeconds ? a : b));
    return tooMany(longest, what);
  }
  return handle(request);
}

async function releaseAll(hits: RateLimitHit[]): Promise<void> {
  const { db } = await getDatabase();
  for (const hit of hits) await releaseRateLimit(db, hit);
}

/** The e-mail of a request's body, as better-auth compares it (lower case); undefined when there is none. */
async function bodyEmail(request: Request): Promise<string | undefined> {
  try {
    const body = (await request.clone().json()) as { email?: unknown };
    if (typeof body?.email !== "string") return undefined;
    return body.email.trim().toLowerCase().slice(0, MAX_EMAIL_LENGTH);
  } catch {
    return undefined; // not JSON: better-auth answers it
  }
}

function tooMany(hit: RateLimitHit, what: string): Response {
  const error: AppError = rateLimitedError(hit, what);
  return Response.json(
    { error: { code: error.code, message: error.message, ...error.details } },
    { status: errorStatus.rate_limited, headers: { "retry-after": String(hit.retryAfterSeconds) } },
  );
}
