// What a new account's messages start in, taken from the browser that signs
// up: the language of its Accept-Language header (one of ours, else English)
// and the time zone it stored in the coachbook-tz cookie (an IANA zone this
// runtime knows, else none: the business zone). Never from the request body:
// better-auth's `locale` and `timezone` fields take no input (auth.ts), so a
// client cannot store anything else in them.
import { localeFromAcceptLanguage, type Locale } from "@/domain/locale";
import { isValidTimeZone } from "@/domain/time";
import { TIME_ZONE_COOKIE } from "@/lib/time-zone-cookie";

const MAX_ZONE_LENGTH = 64;

export function signUpPreferences(headers: Headers | null | undefined): { locale: Locale; timezone: string | null } {
  return {
    locale: localeFromAcceptLanguage(headers?.get("accept-language")),
    timezone: cookieTimeZone(headers?.get("cookie")),
  };
}

/** The zone in the time-zone cookie, when it is a real IANA zone; else null. */
export function cookieTimeZone(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  for (const entry of cookieHeader.split(";")) {
    const [name, ...rest] = entry.trim().split("=");
    if (name !== TIME_ZONE_COOKIE) continue;
    let zone: string;
    try {
      zone = decodeURIComponent(rest.join("=")).trim();
    } catch {
      return null;
    }
    return zone.length > 0 && zone.length <= MAX_ZONE_LENGTH && isValidTimeZone(zone) ? zone : null;
  }
  return null;
}
