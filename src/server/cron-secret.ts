// Who may call the cron endpoint: whoever sends `Authorization: Bearer
// $CRON_SECRET` (Vercel cron does, and so does the internal scheduler of
// `npm start`). Pure, so it is unit tested without a server.
//  - Fails closed: with CRON_SECRET unset or blank nothing matches, not even
//    `Bearer ` or `Bearer undefined`.
//  - Constant time: both sides are hashed with SHA-256 first and the digests
//    compared with timingSafeEqual, so neither the content nor the length of
//    the secret leaks through timing.
import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "@/domain/errors";

/**
 * Sent (value "scheduler") by npm start's internal scheduler, so its runs are
 * recorded as trigger "scheduler" rather than "cron". Only read after the
 * secret matched.
 */
export const SCHEDULER_TRIGGER_HEADER = "x-coachbook-trigger";

export type CronAuthorization =
  | { ok: true }
  /** not_configured: CRON_SECRET is unset or blank; missing: no bearer token; wrong: a token that does not match. */
  | { ok: false; reason: "not_configured" | "missing" | "wrong" };

/** Checks an Authorization header against the configured secret. */
export function checkCronAuthorization(header: string | null | undefined, secret: string | undefined): CronAuthorization {
  const expected = secret?.trim();
  if (!expected) return { ok: false, reason: "not_configured" };
  const match = /^Bearer[ \t]+(.*)$/i.exec(header?.trim() ?? "");
  const token = match?.[1]?.trim();
  if (!token) return { ok: false, reason: "missing" };
  return secretsMatch(token, expected) ? { ok: true } : { ok: false, reason: "wrong" };
}

/** Constant-time equality of two secrets of any lengths. */
export function secretsMatch(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b);
}

/** Throws 401 (unauthenticated) unless the header carries the secret. The message never contains it. */
export function assertCronAuthorized(header: string | null | undefined, secret: string | undefined): void {
  const result = checkCronAuthorization(header, secret);
  if (result.ok) return;
  const messages = {
    not_configured: "CRON_SECRET is not set on the server: the cron endpoint is disabled",
    missing: "Send Authorization: Bearer <CRON_SECRET>",
    wrong: "The bearer token is not the cron secret",
  } as const;
  throw new AppError("unauthenticated", messages[result.reason]);
}
