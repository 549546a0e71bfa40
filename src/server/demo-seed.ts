// Demo data for a first run: an owner, two coaches in different time zones with
// weekly availability, three members, all able to sign in at once with the
// fixed credentials below (listed in the README), and a few bookings made
// through the real use cases (a weekly series, a fortnightly one, a one-time
// session, a weekly class with standing places and a full one-off class) so
// every page has something to show. Seeds only an empty users table, so it
// never touches a real business's data.
import { eq, sql } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import { firstOccurrenceDate } from "@/domain/recurrence";
import { instantToWallClock, wallClockToInstant } from "@/domain/time";
import { createOneTimeBooking } from "@/server/bookings/create-one-time-booking";
import { createRecurringBooking } from "@/server/bookings/create-recurring-booking";
import { createClass } from "@/server/classes/create-class";
import { createClassSeries } from "@/server/classes/create-class-series";
import { createStandingPlace } from "@/server/classes/create-standing-place";
import { enrolInClass } from "@/server/classes/enrol-in-class";
import { businessTimeZone, sessionHorizonWeeks } from "@/server/config";
import { generateSessions } from "@/server/sessions/generate-sessions";
import { createUser } from "@/server/users/create-user";
import { coachSettings, users, weeklyAvailability, type UserRole } from "@/db/schema";

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

/** Seeds the demo accounts and bookings when no user exists yet; returns whether it did. */
export async function seedDemoData(db: DatabaseOrTransaction, options: { now?: Date } = {}): Promise<boolean> {
  const now = options.now ?? new Date();
  const seeded = await db.transaction(async (tx) => {
    // Two first runs at once (two terminals, two server boots) seed once.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('coachbook:seed-demo-data'))`);
    const [existing] = await tx.select({ count: sql<number>`count(*)::int` }).from(users);
    if ((existing?.count ?? 0) > 0) return false;

    const byEmail = new Map<string, Actor>();
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
      byEmail.set(account.email, { id: user.id, role: account.role, email: account.email, name: account.name });
    }
    await seedDemoBookings(tx, (email) => byEmail.get(email)!, now);
    await seedDemoClasses(tx, (email) => byEmail.get(email)!, now);
    return true;
  });
  // The real nightly job, once: past sessions become completed and every
  // series is filled up to the horizon, as on any other day.
  if (seeded) await generateSessions(db, { weeksAhead: sessionHorizonWeeks(), now, trigger: "seed" });
  return seeded;
}

/**
 * Alex: every Tuesday 10:00–11:00 with Camille (Paris), booked three weeks
 * ago so there is a history; Sam: every other
 * Thursday 15:00–15:45 with Jordan (New York); Robin: one session with
 * Camille last week's Friday (held: the owner's "last week" always has it,
 * and no browser test changes it) and one next Friday, at 14:00 Paris time. Booked by the owner on their
 * behalf; dates the calendar cannot take are skipped, never forced.
 */
async function seedDemoBookings(tx: DatabaseOrTransaction, person: (email: string) => Actor, now: Date): Promise<void> {
  const owner = person("owner@coachbook.test");
  const paris = person("coach.paris@coachbook.test");
  const newYork = person("coach.newyork@coachbook.test");
  const today = (zone: string) => instantToWallClock(now, zone).date;
  const threeWeeksAgo = new Date(now.getTime() - 21 * 86_400_000);

  await createRecurringBooking({
    db: tx,
    actor: owner,
    input: {
      coachId: paris.id,
      memberId: person("member1@coachbook.test").id,
      dayOfWeek: 2,
      startTime: "10:00",
      endTime: "11:00",
      startDate: instantToWallClock(threeWeeksAgo, "Europe/Paris").date,
      onConflict: "skip",
    },
    now: threeWeeksAgo,
  });
  await createRecurringBooking({
    db: tx,
    actor: owner,
    input: {
      coachId: newYork.id,
      memberId: person("member2@coachbook.test").id,
      dayOfWeek: 4,
      startTime: "15:00",
      endTime: "15:45",
      startDate: today("America/New_York"),
      frequency: 2,
      onConflict: "skip",
    },
    now,
  });
  // "Next Friday" is the first Friday after today in Paris, so at least the
  // rest of today away (14:00 tomorrow, seeded on a Thursday at 23:59) and
  // well past the minimum notice. "Last Friday" is the Friday of the previous
  // Monday-based week in the business zone, the week the owner's figures call
  // "last week", whatever the weekday or hour of seeding: Friday 14:00 Paris
  // falls on that Friday or Saturday in any zone, and before this Monday.
  // (It was next Friday minus 7 days: today, when seeded on a Friday.)
  const tomorrow = Temporal.PlainDate.from(today("Europe/Paris")).add({ days: 1 }).toString();
  const nextFriday = firstOccurrenceDate(tomorrow, 5);
  const businessToday = Temporal.PlainDate.from(today(businessTimeZone()));
  const lastFriday = businessToday.subtract({ days: businessToday.dayOfWeek - 1 + 3 }).toString();
  for (const friday of [lastFriday, nextFriday]) {
    await createOneTimeBooking({
      db: tx,
      actor: owner,
      input: {
        coachId: paris.id,
        memberId: person("member3@coachbook.test").id,
        startsAt: wallClockToInstant(friday, "14:00", "Europe/Paris").toISOString(),
        endsAt: wallClockToInstant(friday, "15:00", "Europe/Paris").toISOString(),
      },
      // Booked the week before it happens.
      now: new Date(wallClockToInstant(friday, "14:00", "Europe/Paris").getTime() - 7 * 86_400_000),
    });
  }
}

/** The demo's classes, both Camille's (Paris), for the pages and the browser tests. */
export const DEMO_CLASSES = {
  /** Every Wednesday 18:30–19:30 Paris, 8 places, scheduled three weeks ago: Alex and Sam hold standing places. */
  weekly: { title: "Evening mobility", dayOfWeek: 3, startTime: "18:30", endTime: "19:30", capacity: 8 },
  /** Next week's Saturday 10:00–11:00 Paris, 2 places, both taken (Alex, Sam): full, so a member meets the waitlist. */
  oneOff: { title: "Saturday bootcamp", startTime: "10:00", endTime: "11:00", capacity: 2 },
} as const;

/**
 * The date of the one-off demo class: the Saturday of the Monday-based week
 * after `now`'s in Paris (6 to 12 days ahead, never today), so it is ahead
 * whatever the weekday or hour of seeding.
 */
export function demoOneOffClassDate(now: Date): string {
  const today = Temporal.PlainDate.from(instantToWallClock(now, "Europe/Paris").date);
  return today.subtract({ days: today.dayOfWeek - 1 }).add({ days: 7 + 5 }).toString();
}

/**
 * Camille's weekly class, scheduled three weeks ago with Alex's and Sam's
 * standing places taken then: its past classes have a roster (attendance
 * to mark), its coming ones places held and places left. And a one-off
 * class next week, full. Through the real use cases, booked by the owner.
 * Neither falls on a Tuesday (the coach's browser tests take Tuesdays off)
 * nor on a time the demo's members hold anything else.
 */
async function seedDemoClasses(tx: DatabaseOrTransaction, person: (email: string) => Actor, now: Date): Promise<void> {
  const owner = person("owner@coachbook.test");
  const paris = person("coach.paris@coachbook.test");
  const members = [person("member1@coachbook.test"), person("member2@coachbook.test")];
  const threeWeeksAgo = new Date(now.getTime() - 21 * 86_400_000);

  const { weekly, oneOff } = DEMO_CLASSES;
  const { classSeries } = await createClassSeries({
    db: tx,
    actor: owner,
    input: { coachId: paris.id, ...weekly, startDate: instantToWallClock(threeWeeksAgo, "Europe/Paris").date },
    now: threeWeeksAgo,
  });
  for (const member of members) {
    await createStandingPlace({ db: tx, actor: owner, input: { seriesId: classSeries.id, memberId: member.id }, now: threeWeeksAgo });
  }

  const date = demoOneOffClassDate(now);
  const { class: bootcamp } = await createClass({
    db: tx,
    actor: owner,
    input: {
      coachId: paris.id,
      title: oneOff.title,
      capacity: oneOff.capacity,
      startsAt: wallClockToInstant(date, oneOff.startTime, "Europe/Paris").toISOString(),
      endsAt: wallClockToInstant(date, oneOff.endTime, "Europe/Paris").toISOString(),
    },
    now,
  });
  for (const member of members) {
    await enrolInClass({ db: tx, actor: owner, input: { classId: bootcamp.id, memberId: member.id }, now });
  }
}
