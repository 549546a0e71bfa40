// Owner: every user of the business, optionally only one role.
import { z } from "zod";
import { eq } from "drizzle-orm";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { userRole, users } from "@/db/schema";
import { parseInput } from "../validation";
import { selectUserViews, type UserView } from "./user-view";

export const listUsersInput = z.strictObject({
  role: z.enum(userRole.enumValues).optional(),
});

export type ListUsersInput = z.input<typeof listUsersInput>;

export async function listUsers(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input?: ListUsersInput;
}): Promise<UserView[]> {
  assertCan(options.actor, "users:list");
  const { role } = parseInput(listUsersInput, options.input ?? {});
  return selectUserViews(options.db, role ? eq(users.role, role) : undefined);
}
