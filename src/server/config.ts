// Settings read from the environment, each validated once with a clear error:
// the business time zone (the zone of coaches without their own) and the
// booking horizon (how far ahead series are checked and sessions exist).
import { AppError } from "@/domain/errors";
import { isValidTimeZone } from "@/domain/time";

/** BUSINESS_TIMEZONE, default UTC. */
export function businessTimeZone(env: NodeJS.ProcessEnv = process.env): string {
  const zone = env.BUSINESS_TIMEZONE?.trim() || "UTC";
  if (!isValidTimeZone(zone)) {
    throw new AppError("invalid_input", `BUSINESS_TIMEZONE "${zone}" is not a known IANA time zone`, {
      BUSINESS_TIMEZONE: "Not a known IANA time zone (e.g. Europe/Paris)",
    });
  }
  return zone;
}

/** SESSION_HORIZON_WEEKS, default 6: weeks of sessions that exist ahead of today. */
export function sessionHorizonWeeks(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SESSION_HORIZON_WEEKS?.trim();
  if (!raw) return 6;
  const weeks = Number(raw);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) {
    throw new AppError("invalid_input", `SESSION_HORIZON_WEEKS "${raw}" must be a whole number from 1 to 52`, {
      SESSION_HORIZON_WEEKS: "Must be a whole number from 1 to 52",
    });
  }
  return weeks;
}
