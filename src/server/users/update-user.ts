// Owner: change a user's role and/or a coach's time zone, in one transaction.
// Promoting to coach gives the user a coach_settings row; a time zone is only
// meaningful for a coach; the business never loses its last owner.
import { z } from "zod";
import { eq, or, sql } from "drizzle-orm";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { coachSettings, userRole, users } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { recordId, timeZoneName } from "../fields";
import { parseInput } from "../validation";
import { selectUserViews, type UserView } from "./user-view";

/** The PATCH body: what may change. */
export const updateUserChanges = z.strictObject({
  role: z.enum(userRole.enumValues).optional(),
  /** IANA zone, e.g. "Europe/Paris"; null = the business zone. */
  timezone: timeZoneName
    .nullable()
    .optional(),
});

export const updateUserInput = updateUserChanges.extend({
  id: recordId,
});

export type UpdateUserInput = z.input<typeof updateUserInput>;

export async function updateUser(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: UpdateUserInput;
}): Promise<UserView> {
  const { actor, db } = options;
  assertCan(actor, "users:update");
  const input = parseInput(updateUserInput, options.input);

  return db.transaction(async (tx) => {
    // Lock the user and every owner, in id order: two owners demoting each
    // other at once then queue on the same rows (no deadlock), and the second
    // one sees the first one's change, so the business keeps an owner.
    const locked = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(or(eq(users.id, input.id), eq(users.role, "owner")))
      .orderBy(users.id)
      .for("update");
    const user = locked.find((row) => row.id === input.id);
    if (!user) throw new AppError("not_found", `No user with id ${input.id}`);

    const role = input.role ?? user.role;
    if (input.timezone !== undefined && role !== "coach") {
      throw new AppError("invalid_input", "Only a coach has a time zone", {
        timezone: `Only a coach has a time zone; this user ${role === user.role ? "is" : "would become"} a ${role}`,
      });
    }

    const otherOwners = locked.filter((row) => row.role === "owner" && row.id !== user.id);
    if (user.role === "owner" && role !== "owner" && otherOwners.length === 0) {
      throw new AppError("conflict", "The business needs an owner: make another user owner first");
    }

    if (role !== user.role) {
      await tx.update(users).set({ role, updatedAt: sql`now()` }).where(eq(users.id, user.id));
    }

    if (role === "coach") {
      const insert = tx.insert(coachSettings).values({ coachId: user.id, timezone: input.timezone ?? null });
      await (input.timezone === undefined
        ? insert.onConflictDoNothing({ target: coachSettings.coachId })
        : insert.onConflictDoUpdate({
            target: coachSettings.coachId,
            set: { timezone: input.timezone, updatedAt: sql`now()` },
          }));
    }

    const [view] = await selectUserViews(tx, eq(users.id, user.id));
    return view!;
  });
}
