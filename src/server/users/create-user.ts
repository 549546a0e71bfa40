// Creates a user with any role, for the shell (`npm run user:create`), the
// demo seed and the owner's "add person" (add-user.ts) — never for sign-up,
// where the role is not the caller's to choose. One transaction writes the
// users row, the better-auth credential account when a password is given (so
// the user can sign in with e-mail and password at once; without one there is
// no credential until the user sets a password through a reset link, which
// better-auth then creates) and, for a coach, the coach_settings row holding
// the coach's time zone. `inTransaction` adds the caller's own writes to it.
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db";
import { hasPostgresCode, UNIQUE_VIOLATION } from "@/db/errors";
import { z } from "zod";
import { passwordField, passwordNotEmail } from "@/auth/password-policy";
import { accounts, coachSettings, userRole, users, type UserRole } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { MAX_EMAIL_LENGTH } from "@/domain/limits";
import { personName, timeZoneName } from "../fields";
import { parseInput } from "../validation";

/** What every way of creating a user takes besides a password (the owner's API takes no password). */
export const newUserFields = {
  // Stored lower-case: better-auth lower-cases the e-mail at sign-in.
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(MAX_EMAIL_LENGTH, `At most ${MAX_EMAIL_LENGTH} characters`)
    .pipe(z.email("Not a valid e-mail address")),
  name: personName.optional(),
  role: z.enum(userRole.enumValues, { error: `One of ${userRole.enumValues.join(", ")}` }),
  /** IANA zone of a coach's weekly rules; absent = the business zone. */
  timezone: timeZoneName.optional(),
};

/** The refinement every schema built on newUserFields applies. */
export function onlyCoachHasTimeZone(input: { role: UserRole; timezone?: string | undefined }, context: z.RefinementCtx): void {
  if (input.timezone !== undefined && input.role !== "coach") {
    context.addIssue({ code: "custom", path: ["timezone"], message: "Only a coach has a time zone" });
  }
}

export const createUserInput = z
  .strictObject({
    ...newUserFields,
    // The one password rule (length, common passwords, repetition; the e-mail below).
    // Absent: no usable credential until the user sets one from a reset link.
    password: passwordField.optional(),
  })
  .superRefine(onlyCoachHasTimeZone)
  .superRefine((input, context) => {
    // Only when the password passed the rule on its own: one reason per field.
    if (input.password !== undefined && input.password.length > 0) {
      passwordNotEmail({ email: input.email, password: input.password }, context);
    }
  });

export type CreateUserInput = z.input<typeof createUserInput>;

export interface CreatedUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** The coach's IANA zone; null for other roles and for coaches on the business zone. */
  timezone: string | null;
}

export async function createUser(
  db: DatabaseOrTransaction,
  input: CreateUserInput,
  options: { inTransaction?: (tx: DatabaseOrTransaction, user: CreatedUser) => Promise<void> } = {},
): Promise<CreatedUser> {
  const { email, password, name, role, timezone } = parseInput(createUserInput, input);
  // Hashing is deliberately slow (scrypt): done before the transaction opens.
  const passwordHash = password === undefined ? null : await hashPassword(password);
  const user: CreatedUser = {
    id: randomUUID(),
    email,
    name: name ?? email.slice(0, email.indexOf("@")),
    role,
    timezone: timezone ?? null,
  };

  try {
    await db.transaction(async (tx) => {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (existing) throw duplicateEmail(email);

      await tx.insert(users).values({
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        emailVerified: true,
      });
      if (passwordHash !== null) {
        await tx.insert(accounts).values({
          userId: user.id,
          accountId: user.id,
          providerId: "credential",
          password: passwordHash,
        });
      }
      if (role === "coach") {
        await tx.insert(coachSettings).values({ coachId: user.id, timezone: user.timezone });
      }
      await options.inTransaction?.(tx, user);
    });
  } catch (error) {
    // Two creations racing past the check above meet the unique index instead.
    if (hasPostgresCode(error, UNIQUE_VIOLATION)) throw duplicateEmail(email);
    throw error;
  }
  return user;
}

function duplicateEmail(email: string): AppError {
  return new AppError("conflict", `A user with the e-mail ${email} already exists`, {
    email: "A user with this e-mail already exists",
  });
}
