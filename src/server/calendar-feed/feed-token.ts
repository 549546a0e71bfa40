// A calendar feed's secret address. The token in the URL is never stored:
// each feed row keeps a random `nonce`, and the token is
// base64url(HMAC-SHA256(server secret, "calendar-feed:" + id + ":" + nonce)),
// so the Account page can show the address again, while a copy of the
// database alone cannot produce it. The feed is found by SHA-256(token),
// kept in token_hash (a long random string: a fast hash is enough).
import { createHash, createHmac, randomBytes } from "node:crypto";

/** Where feeds are served: /api/calendar-feeds/<token>.ics */
export const CALENDAR_FEED_PATH = "/api/calendar-feeds";
const FEED_SUFFIX = ".ics";
/** 32 bytes of HMAC as base64url. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newFeedNonce(): string {
  return randomBytes(24).toString("base64url");
}

export function feedToken(secret: string, feedId: string, nonce: string): string {
  return createHmac("sha256", secret).update(`calendar-feed:${feedId}:${nonce}`).digest("base64url");
}

export function feedTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The token of a feed URL's last segment ("<token>.ics"), or undefined when it cannot be one. */
export function tokenFromFeedFile(file: string): string | undefined {
  const token = file.endsWith(FEED_SUFFIX) ? file.slice(0, -FEED_SUFFIX.length) : file;
  return TOKEN_SHAPE.test(token) ? token : undefined;
}

/** The feed's https (or http) address, and the same as webcal:// for calendar apps that subscribe on a click. */
export function feedUrls(baseUrl: string, token: string): { url: string; webcalUrl: string } {
  const url = `${baseUrl.replace(/\/+$/, "")}${CALENDAR_FEED_PATH}/${token}${FEED_SUFFIX}`;
  return { url, webcalUrl: url.replace(/^https?:\/\//, "webcal://") };
}
