// Creates a user with any role, for the shell (`npm run user:create`) and the
// demo seed — never for sign-up, where the role is not the caller's to choose.
// One transaction writes the users row, the better-auth credential account (so
// the user can sign in with e-mail and password at once) and, for a coach, the
// coach_settings row holding the coach's time zone.
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

export const createUserInput = z
  .strictObject({
    // Stored lower-case: better-auth lower-cases the e-mail at sign-in.
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(MAX_EMAIL_LENGTH, `At most ${MAX_EMAIL_LENGTH} characters`)
      .pipe(z.email("Not a valid e-mail address")),
    // The one password rule (length, common passwords, repetition; the e-mail below).
    password: passwordField,
    name: personName.optional(),
    role: z.enum(userRole.enumValues, { error: `One of ${userRole.enumValues.join(", ")}` }),
    /** IANA zone of a coach's weekly rules; absent = the business zone. */
    timezone: timeZoneName.optional(),
  })
  .refine((input) => input.timezone === undefined || input.role === "coach", {
    path: ["timezone"],
    message: "Only a coach has a time zone",
  })
  .superRefine((input, context) => {
    // Only when the password passed the rule on its own: one reason per field.
    if (input.password.length > 0) passwordNotEmail(input, context);
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

export async function createUser(db: DatabaseOrTransaction, input: CreateUserInput): Promise<CreatedUser> {
  const { email, password, name, role, timezone } = parseInput(createUserInput, input);
  // Hashing is deliberately slow (scrypt): done before the transaction opens.
  const passwordHash = await hashPassword(password);
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
      await tx.insert(accounts).values({
        userId: user.id,
        accountId: user.id,
        providerId: "credential",
        password: passwordHash,
      });
      if (role === "coach") {
        await tx.insert(coachSettings).values({ coachId: user.id, timezone: user.timezone });
      }
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
