// The signed-in user changes their own name and message settings: the
// language of their messages, the zone they show times in, the reminder
// lead time and (owners) the daily digest. Only the fields sent change.
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { users } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { locales } from "@/domain/locale";
import { reminderChoices } from "@/domain/reminder";
import { personName, timeZoneName } from "../fields";
import { parseInput } from "../validation";
import { meColumns, meView, type MeView } from "./me-view";

export const updateMeInput = z.strictObject({
  name: personName.optional(),
  locale: z.enum(locales, { error: 'Must be "en" or "fr"' }).optional(),
  /** IANA zone, e.g. "Europe/Paris"; null = the default (a coach's own zone, else the business zone). */
  timezone: timeZoneName.nullable().optional(),
  reminder: z.enum(reminderChoices, { error: 'Must be "off", "2h" or "24h"' }).optional(),
  emailDigest: z.boolean({ error: "Must be true or false" }).optional(),
});

export type UpdateMeInput = z.input<typeof updateMeInput>;

export async function updateMe({
  db,
  actor,
  input,
}: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: UpdateMeInput;
}): Promise<MeView> {
  assertCan(actor, "account:manage");
  const changes = parseInput(updateMeInput, input);
  // Drizzle leaves the fields not sent (undefined) out of the SET list.
  const nothingSent = Object.values(changes).every((value) => value === undefined);
  const [row] = nothingSent
    ? await db.select(meColumns).from(users).where(eq(users.id, actor.id))
    : await db
        .update(users)
        .set({ ...changes, updatedAt: sql`now()` })
        .where(eq(users.id, actor.id))
        .returning(meColumns);
  if (!row) throw new AppError("not_found", "Your account no longer exists");
  return meView(row);
}
