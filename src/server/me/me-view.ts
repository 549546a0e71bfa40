// How the API shows the signed-in user to themself: identity and role, and
// the settings of the messages they receive (language, zone, reminders, the
// owner's digest). Shared by GET and PATCH /api/v1/me and the Account page.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DatabaseOrTransaction } from "@/db";
import { users } from "@/db/schema";
import { DEFAULT_LOCALE, isLocale, locales } from "@/domain/locale";
import { DEFAULT_REMINDER, reminderChoices, type ReminderChoice } from "@/domain/reminder";
import { userRoleSchema } from "../users/user-view";
import { email, recordId, timeZoneName } from "../view-fields";

export const meViewSchema = z
  .strictObject({
    id: recordId,
    email,
    name: z.string(),
    role: userRoleSchema,
    locale: z.enum(locales).describe("The language of the messages sent to you."),
    timezone: timeZoneName
      .nullable()
      .describe("The zone your messages show times in; null: a coach's own zone for a coach, else the business zone."),
    reminder: z.enum(reminderChoices).describe("How long before each session a reminder is sent: off, 2 hours or 24 hours."),
    emailDigest: z.boolean().describe("Whether the owner's daily digest is sent to you (owners only receive it)."),
    emailVerified: z.boolean().describe("Whether your e-mail address has been verified."),
  })
  .describe("You: your account and the settings of the messages you receive.");

export type MeView = z.infer<typeof meViewSchema>;

export const meColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  locale: users.locale,
  timezone: users.timezone,
  reminder: users.reminder,
  emailDigest: users.emailDigest,
  emailVerified: users.emailVerified,
};

function isReminderChoice(value: string): value is ReminderChoice {
  return (reminderChoices as readonly string[]).includes(value);
}

/** The row as the view: the CHECK constraints keep locale and reminder within their choices. */
export function meView(row: {
  id: string;
  email: string;
  name: string;
  role: MeView["role"];
  locale: string;
  timezone: string | null;
  reminder: string;
  emailDigest: boolean;
  emailVerified: boolean;
}): MeView {
  return {
    ...row,
    locale: isLocale(row.locale) ? row.locale : DEFAULT_LOCALE,
    reminder: isReminderChoice(row.reminder) ? row.reminder : DEFAULT_REMINDER,
  };
}

/** One user as MeView, or undefined when the row is gone. */
export async function selectMe(db: DatabaseOrTransaction, userId: string): Promise<MeView | undefined> {
  const [row] = await db.select(meColumns).from(users).where(eq(users.id, userId));
  return row ? meView(row) : undefined;
}
