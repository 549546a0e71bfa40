// Which rate limits exist and how large they are. Each is "COUNT/WINDOW"
// (window in s, m or h), overridable by an environment variable read when the
// limit is first used (tests raise them). See docs/decisions/0003.
import { z } from "zod";

export interface RateLimitRule {
  /** Prefix of the rate_limits key: what is counted. */
  name: string;
  limit: number;
  windowSeconds: number;
}

const defaults = {
  /** Failed sign-ins per account (normalised e-mail), from any address: stops guessing one password. */
  signInPerAccount: { env: "RATE_LIMIT_SIGN_IN_ACCOUNT", value: "10/15m" },
  /** Failed sign-ins per client address, over any accounts: stops spraying one password over many. */
  signInPerAddress: { env: "RATE_LIMIT_SIGN_IN_ADDRESS", value: "30/15m" },
  /** Sign-ups per client address. */
  signUpPerAddress: { env: "RATE_LIMIT_SIGN_UP_ADDRESS", value: "20/1h" },
  /** Password-reset requests per e-mail address (normalised), from any client: no one's inbox is flooded. */
  passwordResetPerEmail: { env: "RATE_LIMIT_PASSWORD_RESET_EMAIL", value: "5/1h" },
  /** Password-reset requests per client address, over any e-mail addresses. */
  passwordResetPerAddress: { env: "RATE_LIMIT_PASSWORD_RESET_ADDRESS", value: "20/1h" },
  /** Verification e-mails asked for per e-mail address (normalised), from any client. */
  verificationEmailPerEmail: { env: "RATE_LIMIT_VERIFICATION_EMAIL_EMAIL", value: "5/1h" },
  /** Verification e-mails asked for per client address. */
  verificationEmailPerAddress: { env: "RATE_LIMIT_VERIFICATION_EMAIL_ADDRESS", value: "20/1h" },
  /** REST writes (POST, PATCH, PUT, DELETE) per signed-in user: a person never gets near it, a runaway script does. */
  apiWritesPerUser: { env: "RATE_LIMIT_API_WRITES", value: "120/1m" },
} as const;

export type RateLimitName = keyof typeof defaults;

const UNIT_SECONDS = { s: 1, m: 60, h: 3600 } as const;

const ruleText = z
  .string()
  .trim()
  .regex(/^\d{1,7}\/\d{1,5}[smh]$/, 'Expected "COUNT/WINDOW", e.g. "10/15m"')
  .transform((text) => {
    const [count, window] = text.split("/") as [string, string];
    const unit = window.slice(-1) as keyof typeof UNIT_SECONDS;
    return { limit: Number(count), windowSeconds: Number(window.slice(0, -1)) * UNIT_SECONDS[unit] };
  })
  .refine((rule) => rule.limit >= 1 && rule.windowSeconds >= 1, "COUNT and WINDOW must be at least 1");

/** The rule as configured: the environment variable when set, else the default. A bad value fails loudly. */
export function rateLimitRule(name: RateLimitName, env: Record<string, string | undefined> = process.env): RateLimitRule {
  const { env: variable, value } = defaults[name];
  const configured = env[variable]?.trim() || value;
  const parsed = ruleText.safeParse(configured);
  if (!parsed.success) throw new Error(`${variable}=${configured}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return { name, ...parsed.data };
}

/** Every limit's variable and default, for the docs and tests. */
export const RATE_LIMIT_DEFAULTS = defaults;
