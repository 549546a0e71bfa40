// People and calendars for integration tests, written straight to the
// database: users with a role (and an Actor to pass to use cases), a coach's
// zone, weekly rules and series. Each test file still has its own database.
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import {
  availabilityAdditions,
  blockedSlots,
  bookings,
  coachSettings,
  recurringBookings,
  sessionConflicts,
  sessionGenerationRuns,
  trainingSessions,
  users,
  weeklyAvailability,
  type UserRole, classEnrolments, standingPlaces } from "@/db/schema";

let counter = 0;

/** A user with this role; coaches get a coach_settings row in `timezone` (null = business zone). */
export async function addPerson(
  db: DatabaseOrTransaction,
  role: UserRole,
  options: { name?: string; timezone?: string | null; minimumNoticeMinutes?: number } = {},
): Promise<Actor> {
  counter += 1;
  const name = options.name ?? `${role} ${counter}`;
  const email = `${role}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const [row] = await db.insert(users).values({ email, name, role }).returning({ id: users.id });
  if (role === "coach") {
    await db.insert(coachSettings).values({
      coachId: row!.id,
      timezone: options.timezone ?? null,
      ...(options.minimumNoticeMinutes === undefined ? {} : { minimumNoticeMinutes: options.minimumNoticeMinutes }),
    });
  }
  return { id: row!.id, role, email, name };
}

/** Weekly rules for a coach: [dayOfWeek, "HH:MM", "HH:MM"] each. */
export async function addWeeklyRules(
  db: DatabaseOrTransaction,
  coachId: string,
  rules: ReadonlyArray<readonly [number, string, string]>,
): Promise<void> {
  if (rules.length === 0) return;
  await db
    .insert(weeklyAvailability)
    .values(rules.map(([dayOfWeek, startTime, endTime]) => ({ coachId, dayOfWeek, startTime, endTime })));
}

/** Every day of the week, 00:00–23:59: availability never gets in the way. */
export const ALL_WEEK: ReadonlyArray<readonly [number, string, string]> = [0, 1, 2, 3, 4, 5, 6].map(
  (day) => [day, "00:00", "23:59"] as const,
);

/** A series row written directly (no checks, no sessions): for generator tests. */
export async function addSeries(
  db: DatabaseOrTransaction,
  series: {
    memberId: string;
    coachId: string;
    dayOfWeek: number;
    startTime: string;
    endTime: string;
    startDate: string;
    endDate?: string | null;
    frequency?: number;
    createdAt?: Date;
  },
): Promise<string> {
  const [row] = await db
    .insert(recurringBookings)
    .values({ ...series, endDate: series.endDate ?? null, frequency: series.frequency ?? 1 })
    .returning({ id: recurringBookings.id });
  return row!.id;
}

/**
 * Empties the pipeline and its people — conflicts, sessions, bookings, series,
 * runs, availability, users — in foreign-key order, so each test starts from
 * an empty business on its file's database.
 */
export async function clearBusinessData(db: DatabaseOrTransaction): Promise<void> {
  await db.delete(classEnrolments);
  await db.delete(standingPlaces);
  await db.delete(sessionConflicts);
  // bookings and training_sessions refer to each other.
  await db.update(bookings).set({ sessionId: null });
  await db.delete(trainingSessions);
  await db.delete(bookings);
  await db.delete(recurringBookings);
  await db.delete(sessionGenerationRuns);
  await db.delete(blockedSlots);
  await db.delete(availabilityAdditions);
  await db.delete(weeklyAvailability);
  await db.delete(coachSettings);
  await db.delete(users);
}
