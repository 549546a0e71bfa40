// Size limits on what people type and send, one definition for every edge
// (zod schemas, better-auth hooks, the request body limit). A limit keeps one
// user's input from costing everyone else: a 5 MB name once made a coach's
// week page 21 MB.

/** A person's name, a key's name, a class title. */
export const MAX_NAME_LENGTH = 100;
/** RFC 5321's practical maximum for an e-mail address. */
export const MAX_EMAIL_LENGTH = 254;
/** Free text: a time-off reason, a note. */
export const MAX_TEXT_LENGTH = 1000;
/** Passwords: long enough to resist guessing; bounded so hashing stays cheap. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;
/** Default request body limit in bytes (BODY_SIZE_LIMIT overrides it). */
export const DEFAULT_BODY_SIZE_LIMIT = 1024 * 1024;
