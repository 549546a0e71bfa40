// The one password rule, for every place a password is set: sign-up, change,
// reset (better-auth hooks in auth.ts), `npm run user:create` and the
// create-user use case. Length bounds from src/domain/limits.ts, then the
// guessable: one of ~10,000 common passwords (also once trailing digits and
// symbols are stripped: "password123", "sunshine!!"), one short run repeated
// ("aaaaaaaaaa", "abcabcabcabc"), or the account's own e-mail address.
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/domain/limits";
import { COMMON_PASSWORDS_TEXT } from "./common-passwords";

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(COMMON_PASSWORDS_TEXT.split("\n").filter((line) => line.length > 0));
  return common;
}

/** Why this password may not be used, as a sentence for the `password` field; null when it may. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `At least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `At most ${MAX_PASSWORD_LENGTH} characters`;
  const normalised = password.trim().toLowerCase();
  if (/^(.{1,4})\1+.{0,3}$/su.test(normalised)) return "Too easy to guess: a few characters repeated";
  const list = commonPasswords();
  // Trailing (and leading) digits and symbols add little: "password123" is "password".
  const core = normalised.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  if (list.has(normalised) || (core.length >= 6 && list.has(core))) {
    return "Too common: this password is on lists attackers try first";
  }
  const email = context.email?.trim().toLowerCase();
  if (email) {
    const local = email.slice(0, email.indexOf("@"));
    if (normalised.includes(email) || normalised === local || core === local) {
      return "Must not be your e-mail address";
    }
  }
  return null;
}

/** The password as a zod field (the e-mail check needs the whole object: see `refinePasswordAgainstEmail`). */
export const passwordField = z.string().superRefine((password, context) => {
  const problem = passwordProblem(password);
  if (problem) context.addIssue({ code: "custom", message: problem });
});

/** Adds the "not your e-mail" check to an object schema holding `email` and `password`. */
export function passwordNotEmail(input: { email: string; password: string }, context: z.RefinementCtx): void {
  const problem = passwordProblem(input.password, { email: input.email });
  if (problem) context.addIssue({ code: "custom", path: ["password"], message: problem });
}
