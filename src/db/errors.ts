// Reading PostgreSQL errors through drizzle's wrapping: the SQLSTATE and the
// constraint name sit somewhere on the cause chain (error.cause.code on both
// engines). Use cases map them to AppErrors (e.g. an exclusion violation → 409).
// See docs/decisions/0010-constraints-decide-races.md.
export const UNIQUE_VIOLATION = "23505";
export const EXCLUSION_VIOLATION = "23P01";
export const DEADLOCK_DETECTED = "40P01";
/** A lock not had within lock_timeout. */
export const LOCK_NOT_AVAILABLE = "55P03";
/** A statement ended by statement_timeout (or a cancel request). */
export const QUERY_CANCELED = "57014";

/** The first error on the cause chain that carries this SQLSTATE, or undefined. */
export function postgresError(error: unknown, code: string): { code: string; constraint?: string } | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== "object") return undefined;
    if ((current as { code?: unknown }).code === code) return current as { code: string; constraint?: string };
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function hasPostgresCode(error: unknown, code: string): boolean {
  return postgresError(error, code) !== undefined;
}

/** Which calendar an exclusion violation on training_sessions is about, or null when the error is not one. */
export function overlapReason(error: unknown): "coach_busy" | "member_busy" | null {
  const overlap = postgresError(error, EXCLUSION_VIOLATION);
  if (!overlap) return null;
  return overlap.constraint === "training_sessions_member_no_overlap" ? "member_busy" : "coach_busy";
}

/** Node's network error codes that mean "the database server cannot be reached". */
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EPIPE", "EAI_AGAIN"]);
/**
 * SQLSTATEs of a server that is there but will not serve: connection
 * exceptions (08…), shutting down, starting up, full; and a request's bounded
 * wait or statement that ran out (lock_timeout, statement_timeout) — the
 * database is not keeping up, so the client should retry, not see a 500.
 */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", LOCK_NOT_AVAILABLE, QUERY_CANCELED]);
/** node-postgres says these without a code. */
const UNREACHABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/** Marks an error from opening the database (server down, PGlite directory unusable). */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super("The database could not be opened", { cause });
    this.name = "DatabaseUnavailableError";
  }
}

/**
 * The pool's queue of requests waiting for a connection is full
 * (src/db/client.ts): the database is not keeping up, answered 503 with
 * Retry-After rather than queued without bound.
 */
export class DatabaseBusyError extends DatabaseUnavailableError {
  constructor(waiting: number) {
    super(new Error(`${waiting} requests already wait for a database connection`));
    this.message = "The database is busy";
    this.name = "DatabaseBusyError";
  }
}

const UNAVAILABLE_ERROR_NAMES = new Set(["DatabaseUnavailableError", "DatabaseBusyError"]);

/**
 * Whether an error means "the database is not there right now" (answered
 * 503, retried by the client) rather than a bug (500): a connection refused
 * or cut, a server shutting down or starting, a PGlite directory that cannot
 * be opened. Reads the whole cause chain, as drizzle and better-auth wrap.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0 && seen.size < 20) {
    const current = pending.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    // By name too: the server process holds two copies of this module (Next's
    // bundle, and the outbox worker's, loaded by scripts/lib/serve.ts), which
    // share one database handle (src/db/index.ts, on globalThis). A failed open
    // started by the worker reaches a request as the other copy's class.
    if (current instanceof DatabaseUnavailableError || UNAVAILABLE_ERROR_NAMES.has((current as { name?: unknown }).name as string)) return true;
    const { code, message, cause, errors } = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08/.test(code))) return true;
    if (typeof message === "string" && UNREACHABLE_MESSAGE.test(message)) return true;
    pending.push(cause);
    if (Array.isArray(errors)) pending.push(...errors);
  }
  return false;
}

/** One line for the log: the innermost error's name and message (an outage is expected; no stack needed). */
export function errorSummary(error: unknown): string {
  let root: unknown = error;
  for (let depth = 0; depth < 10 && root instanceof Error && root.cause; depth++) root = root.cause;
  return root instanceof Error ? `${root.name}: ${root.message}` : String(root);
}
