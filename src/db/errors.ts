// Reading PostgreSQL errors through drizzle's wrapping: the SQLSTATE and the
// constraint name sit somewhere on the cause chain (error.cause.code on both
// engines). Use cases map them to AppErrors (e.g. an exclusion violation → 409).
export const UNIQUE_VIOLATION = "23505";
export const EXCLUSION_VIOLATION = "23P01";

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
