// Demo data for a first run: an owner, two coaches in different time zones with
// weekly availability, and three members, all able to sign in at once with the
// fixed credentials below (listed in the README). Seeds only an empty users
// table, so it never touches a real business's data.
import { eq, sql } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db";
import { createUser } from "@/server/users/create-user";
import { coachSettings, users, weeklyAvailability, type UserRole } from "./schema";

export interface DemoAccount {
  email: string;
  password: string;
  name: string;
  role: UserRole;
  /** Coaches only: the IANA zone of their weekly rules. */
  timezone?: string;
  /** Coaches only: default session length in minutes. */
  defaultDuration?: number;
  /** Coaches only: weekly rules, wall-clock in their zone; dayOfWeek 0 = Sunday. */
  weeklyAvailability?: ReadonlyArray<{ dayOfWeek: number; startTime: string; endTime: string }>;
}

const WEEKDAYS = [1, 2, 3, 4, 5];
const weekdayHours = WEEKDAYS.flatMap((dayOfWeek) => [
  { dayOfWeek, startTime: "09:00", endTime: "12:00" },
  { dayOfWeek, startTime: "14:00", endTime: "18:00" },
]);

/** Demo passwords are public: never seed a database that real users reach from outside. */
export const DEMO_PASSWORDS = {
  owner: "coachbook-owner",
  coach: "coachbook-coach",
  member: "coachbook-member",
} as const satisfies Record<UserRole, string>;

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "owner@coachbook.test", password: DEMO_PASSWORDS.owner, name: "Olivia Owner", role: "owner" },
  {
    email: "coach.paris@coachbook.test",
    password: DEMO_PASSWORDS.coach,
    name: "Camille Durand",
    role: "coach",
    timezone: "Europe/Paris",
    defaultDuration: 60,
    weeklyAvailability: [...weekdayHours, { dayOfWeek: 6, startTime: "09:00", endTime: "12:00" }],
  },
  {
    email: "coach.newyork@coachbook.test",
    password: DEMO_PASSWORDS.coach,
    name: "Jordan Miller",
    role: "coach",
    timezone: "America/New_York",
    defaultDuration: 45,
    weeklyAvailability: weekdayHours,
  },
  { email: "member1@coachbook.test", password: DEMO_PASSWORDS.member, name: "Alex Member", role: "member" },
  { email: "member2@coachbook.test", password: DEMO_PASSWORDS.member, name: "Sam Member", role: "member" },
  { email: "member3@coachbook.test", password: DEMO_PASSWORDS.member, name: "Robin Member", role: "member" },
];

/** Seeds the demo accounts when no user exists yet; returns whether it did. */
export async function seedDemoData(db: DatabaseOrTransaction): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two first runs at once (two terminals, two server boots) seed once.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('coachbook:seed-demo-data'))`);
    const [{ count }] = await tx.select({ count: sql<number>`count(*)::int` }).from(users);
    if (count > 0) return false;

    for (const account of DEMO_ACCOUNTS) {
      const user = await createUser(tx, {
        email: account.email,
        password: account.password,
        name: account.name,
        role: account.role,
        timezone: account.timezone,
      });
      if (account.defaultDuration !== undefined) {
        await tx
          .update(coachSettings)
          .set({ defaultDuration: account.defaultDuration })
          .where(eq(coachSettings.coachId, user.id));
      }
      if (account.weeklyAvailability?.length) {
        await tx
          .insert(weeklyAvailability)
          .values(account.weeklyAvailability.map((rule) => ({ coachId: user.id, ...rule })));
      }
    }
    return true;
  });
}
