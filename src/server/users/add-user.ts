// Owner: add a person (any role) without a password. One transaction writes
// the user (createUser: no credential yet), a set-password link as
// better-auth's own password reset makes it (valid a week) and the welcome
// e-mail carrying it into the outbox: following the link and choosing a
// password creates the credential, then the person signs in. Accounts made
// here are verified (the owner vouches for the address).
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { createPasswordResetLink, WELCOME_LINK_SECONDS } from "@/auth/password-reset-link";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { enqueueMessage } from "../messages/enqueue";
import { parseInput } from "../validation";
import { createUser, newUserFields, onlyCoachHasTimeZone } from "./create-user";
import type { UserView } from "./user-view";

/** The POST body: createUser's fields without a password. */
export const addUserInput = z.strictObject(newUserFields).superRefine(onlyCoachHasTimeZone);

export type AddUserInput = z.input<typeof addUserInput>;

export async function addUser(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: AddUserInput;
  /** The app's public origin, for the links in the welcome e-mail (src/server/public-url.ts). */
  baseUrl: string;
}): Promise<UserView> {
  assertCan(options.actor, "users:create");
  const input = parseInput(addUserInput, options.input);
  const { baseUrl } = options;
  const user = await createUser(options.db, input, {
    inTransaction: async (tx, created) => {
      const setPasswordUrl = await createPasswordResetLink(tx, { userId: created.id, baseUrl, expiresInSeconds: WELCOME_LINK_SECONDS });
      await enqueueMessage(tx, { kind: "welcome", recipientId: created.id, payload: { setPasswordUrl, signInUrl: `${baseUrl}/sign-in` } });
    },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, timezone: user.timezone };
}
