// The shape of a personal API key and what is kept of it: the secret is
// `cb_` + 32 random bytes (base64url), shown once; the database keeps its
// SHA-256 (a key is a long random string, so a fast hash is enough: nothing
// to guess from it) and the first characters, so a user can tell keys apart.
import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX = "cb_";
/** Shown beside a key's name: "cb_" and seven characters of the secret. */
const SHOWN_PREFIX_LENGTH = 10;
/** cb_ + 43 base64url characters. */
const API_KEY_SHAPE = /^cb_[A-Za-z0-9_-]{43}$/;

export function newApiKeySecret(): { secret: string; prefix: string; tokenHash: string } {
  const secret = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, SHOWN_PREFIX_LENGTH), tokenHash: apiKeyHash(secret) };
}

export function apiKeyHash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function looksLikeApiKey(token: string): boolean {
  return API_KEY_SHAPE.test(token);
}
