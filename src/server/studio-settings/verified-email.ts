// The studio may require members to verify their e-mail address before they
// book (studio_settings.require_verified_email, off by default). Checked by
// the booking use cases for a member booking for themself only — a coach or
// the owner booking for a member is not held back — with one cheap read: the
// setting and the member's own row, by primary key, in one statement.
import { sql } from "drizzle-orm";
import type { Actor } from "@/auth/actor";
import { preparedSelect, type DatabaseOrTransaction } from "@/db";
import { studioSettings, users } from "@/db/schema";
import { AppError } from "@/domain/errors";

export const VERIFY_EMAIL_TO_BOOK = "Verify your e-mail address before booking";

const selectRefused = preparedSelect<{ refused: boolean }>(
  "member_must_verify_email",
  sql`SELECT coalesce((SELECT ${studioSettings.requireVerifiedEmail} FROM ${studioSettings} WHERE ${studioSettings.id}), false)
        AND NOT coalesce((SELECT ${users.emailVerified} FROM ${users} WHERE ${users.id} = ${sql.placeholder("member")}::text), false) AS refused`,
);

/** 403 when the actor is a member with an unverified e-mail and the studio requires one; nothing (and no query) for anyone else. */
export async function assertMayBookUnverified(db: DatabaseOrTransaction, actor: Actor | null): Promise<void> {
  if (actor?.role !== "member") return;
  const [row] = await selectRefused(db, { member: actor.id });
  if (row?.refused) {
    throw new AppError("forbidden", `${VERIFY_EMAIL_TO_BOOK}: open the link we sent you, or send a new one from your Account page`);
  }
}
