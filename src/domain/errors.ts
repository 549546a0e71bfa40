// The one error type of the application. Use cases throw it with a code; the
// edges (route handlers, server actions) map the code to an HTTP status or an
// action result. `fields` names each bad input field and the reason;
// `details` carries structured facts (e.g. every conflicting date of a series).
export const errorStatus = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** The body is larger than the request size limit (BODY_SIZE_LIMIT). */
  payload_too_large: 413,
  /** A cookie-authenticated write that is not `Content-Type: application/json`. */
  unsupported_media_type: 415,
  /** Too many requests from this address, account or user: wait for `Retry-After`. */
  rate_limited: 429,
  /** The database cannot keep up or be reached right now: retry after `Retry-After`. */
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** The error body (REST, 503) and action error when the database cannot be reached: not a bug, try again. */
export const DATABASE_UNAVAILABLE = {
  code: "unavailable",
  message: "The database is unavailable; try again in a moment",
} as const;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  /** Structured facts a client can act on, e.g. the conflicting dates of a series (409). */
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>, details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    if (fields) this.fields = fields;
    if (details) this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** One entry per bad field ("role", "address.city"), "input" for the whole value. */
export function fieldsFromIssues(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string; code?: string; keys?: string[] }>,
): Record<string, string> {
  // A Map, not an object: a field named "constructor" or "__proto__" must be
  // named like any other, not found on Object.prototype.
  const fields = new Map<string, string>();
  const name = (path: ReadonlyArray<PropertyKey>) => path.map(String).join(".") || "input";
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys" && issue.keys) {
      for (const key of issue.keys) {
        const field = name([...issue.path, key]);
        if (!fields.has(field)) fields.set(field, "Unknown field");
      }
      continue;
    }
    const field = name(issue.path);
    if (!fields.has(field)) fields.set(field, issue.message);
  }
  return Object.fromEntries(fields);
}

/** The invalid_input error for a failed schema parse, naming every bad field. */
export function invalidInput(
  issues: Parameters<typeof fieldsFromIssues>[0],
  message = "Invalid input",
): AppError {
  const fields = fieldsFromIssues(issues);
  const detail = Object.entries(fields)
    .map(([name, reason]) => `${name}: ${reason}`)
    .join("; ");
  return new AppError("invalid_input", detail ? `${message} (${detail})` : message, fields);
}
