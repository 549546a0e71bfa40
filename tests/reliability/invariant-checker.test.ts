// The invariant checker (src/db/invariants.ts) and `npm run db:check`: empty
// on a business that went through the whole pipeline (series, conflicts,
// one-time bookings, cancellations, no-shows, generation); and each invariant
// named when its rows are broken on purpose — with the database's own
// constraints dropped first, as a damaged or hand-edited database would be.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import type { DatabaseHandle } from "@/db/client";
import { checkInvariants, describeViolations, INVARIANT_CHECKS } from "@/db/invariants";
import { cancelRecurringBooking } from "@/server/bookings/cancel-recurring-booking";
import { createOneTimeBooking } from "@/server/bookings/create-one-time-booking";
import { createRecurringBooking } from "@/server/bookings/create-recurring-booking";
import { cancelSession } from "@/server/sessions/cancel-session";
import { generateSessions } from "@/server/sessions/generate-sessions";
import { markNoShow } from "@/server/sessions/mark-no-show";
import { addPerson, addWeeklyRules, addSeries } from "../helpers/people";
import { createScriptDatabase, runScript, type ScriptDatabase } from "../helpers/script-database";
import { createMigratedTestDatabase } from "../helpers/test-database";

const NOW = new Date("2027-03-01T08:00:00Z");

/** A business that went through every step of the pipeline. */
async function liveBusiness(db: DatabaseOrTransaction): Promise<void> {
  const coach = await addPerson(db, "coach", { timezone: "Europe/Paris", minimumNoticeMinutes: 0 });
  const owner = await addPerson(db, "owner");
  await addWeeklyRules(db, coach.id, [
    [1, "08:00", "18:00"],
    [2, "08:00", "18:00"],
    [3, "08:00", "12:00"],
  ]);
  const members = await Promise.all([0, 1, 2, 3].map(() => addPerson(db, "member")));
  const series = await createRecurringBooking({
    db,
    actor: members[0]!,
    input: { coachId: coach.id, dayOfWeek: 2, startTime: "10:00", endTime: "11:00", startDate: "2027-03-01" },
    now: NOW,
  });
  await createRecurringBooking({
    db,
    actor: members[1]!,
    input: { coachId: coach.id, dayOfWeek: 1, startTime: "09:00", endTime: "10:00", startDate: "2027-03-01" },
    now: NOW,
  });
  // A series written straight to the table, partly outside availability: the generator records conflicts.
  await addSeries(db, { memberId: members[2]!.id, coachId: coach.id, dayOfWeek: 3, startTime: "11:30", endTime: "12:30", startDate: "2027-03-01" });
  const booked = await createOneTimeBooking({
    db,
    actor: members[3]!,
    input: { coachId: coach.id, startsAt: "2027-03-02T14:00:00Z", endsAt: "2027-03-02T15:00:00Z" },
    now: NOW,
  });
  await createOneTimeBooking({
    db,
    actor: members[3]!,
    input: { coachId: coach.id, startsAt: "2027-03-09T14:00:00Z", endsAt: "2027-03-09T15:00:00Z" },
    now: NOW,
  });
  await cancelSession({ db, actor: members[3]!, input: { id: booked.session.id }, now: NOW });
  await generateSessions(db, { weeksAhead: 8, now: NOW, trigger: "test" });
  await cancelRecurringBooking({
    db,
    actor: members[0]!,
    input: { recurringBookingId: series.recurringBooking.id, futureOnly: true },
    now: new Date("2027-03-10T00:00:00Z"),
  });
  const [past] = await selectRows<{ id: string }>(db, sql`
    SELECT id FROM training_sessions WHERE status = 'scheduled' AND starts_at < '2027-03-10' ORDER BY starts_at LIMIT 1`);
  await markNoShow({ db, actor: owner, input: { id: past!.id }, now: new Date("2027-03-10T00:00:00Z") });
  await generateSessions(db, { weeksAhead: 8, now: new Date("2027-03-12T00:00:00Z"), trigger: "test" });
}

describe("checkInvariants", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createMigratedTestDatabase();
    await liveBusiness(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("finds nothing on a business that went through the whole pipeline", async () => {
    const counts = await handle.db.execute<{ sessions: number; conflicts: number; cancelled: number }>(sql`
      SELECT (SELECT count(*)::int FROM training_sessions) AS sessions,
             (SELECT count(*)::int FROM session_conflicts) AS conflicts,
             (SELECT count(*)::int FROM training_sessions WHERE status = 'cancelled') AS cancelled`);
    // The pipeline really ran: sessions, conflicts and cancellations exist.
    expect(counts.rows[0]).toMatchObject({ sessions: expect.any(Number), conflicts: expect.any(Number) });
    expect(Number(counts.rows[0]!.sessions)).toBeGreaterThan(10);
    expect(Number(counts.rows[0]!.conflicts)).toBeGreaterThan(0);
    expect(Number(counts.rows[0]!.cancelled)).toBeGreaterThan(1);
    const violations = await checkInvariants(handle.db);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it("names every invariant once its rows are broken (constraints dropped, as in a damaged database)", async () => {
    await handle.exec(`
      ALTER TABLE training_sessions DROP CONSTRAINT training_sessions_coach_no_overlap;
      ALTER TABLE training_sessions DROP CONSTRAINT training_sessions_member_no_overlap;
      ALTER TABLE training_sessions DROP CONSTRAINT training_sessions_occurrence_unique;
      ALTER TABLE training_sessions DROP CONSTRAINT training_sessions_range_check;
      ALTER TABLE session_conflicts DROP CONSTRAINT session_conflicts_occurrence_unique;
      INSERT INTO users (id, email, name, role) VALUES
        ('bad-coach', 'bad-coach@example.org', 'Bad Coach', 'coach'),
        ('bad-m1', 'bad-m1@example.org', 'Bad M1', 'member'),
        ('bad-m2', 'bad-m2@example.org', 'Bad M2', 'member');
      INSERT INTO recurring_bookings (id, member_id, coach_id, day_of_week, start_time, end_time, start_date, status, cancelled_at)
        VALUES ('bad-series', 'bad-m1', 'bad-coach', 1, '10:00', '11:00', '2027-03-01', 'active', NULL),
               ('bad-cancelled', 'bad-m2', 'bad-coach', 2, '10:00', '11:00', '2027-03-01', 'cancelled', '2027-03-01T00:00Z');
      -- overlaps of one coach (different members) and of one member (same coach, a second copy)
      INSERT INTO training_sessions (id, coach_id, member_id, starts_at, ends_at, recurring_booking_id, status, cancelled_at) VALUES
        ('bad-1', 'bad-coach', 'bad-m1', '2027-03-01T10:00Z', '2027-03-01T11:00Z', 'bad-series', 'scheduled', NULL),
        ('bad-2', 'bad-coach', 'bad-m1', '2027-03-01T10:00Z', '2027-03-01T11:00Z', 'bad-series', 'scheduled', NULL),
        -- a session of another member in the series, out of its dates, with a cancellation time
        ('bad-3', 'bad-coach', 'bad-m2', '2026-01-05T10:00Z', '2026-01-05T11:00Z', 'bad-series', 'completed', '2026-01-01T00:00Z'),
        -- a cancelled series still holding a future scheduled session
        ('bad-4', 'bad-coach', 'bad-m2', '2027-03-02T10:00Z', '2027-03-02T11:00Z', 'bad-cancelled', 'scheduled', NULL),
        ('bad-5', 'bad-coach', NULL, '2027-04-01T10:00Z', '2027-04-01T10:00Z', NULL, 'scheduled', NULL);
      INSERT INTO session_conflicts (recurring_booking_id, coach_id, member_id, starts_at, ends_at, reason, status, resolved_at) VALUES
        ('bad-series', 'bad-coach', 'bad-m1', '2027-03-01T10:00Z', '2027-03-01T11:00Z', 'coach_busy', 'open', NULL),
        ('bad-series', 'bad-coach', 'bad-m1', '2027-03-01T10:00Z', '2027-03-01T11:00Z', 'coach_busy', 'resolved', NULL),
        ('bad-cancelled', 'bad-coach', 'bad-m1', '2027-03-09T10:00Z', '2027-03-09T11:00Z', 'blocked', 'open', NULL);
      INSERT INTO bookings (id, member_id, status) VALUES ('bad-booking', 'bad-m1', 'CANCELLED_BY_MEMBER');
      INSERT INTO training_sessions (id, coach_id, member_id, starts_at, ends_at, one_time_booking_id)
        VALUES ('bad-6', 'bad-coach', 'bad-m2', '2027-05-01T10:00Z', '2027-05-01T11:00Z', 'bad-booking');
      UPDATE bookings SET session_id = 'bad-6' WHERE id = 'bad-booking';
      -- classes: the places trigger and constraint gone; a class over its capacity,
      -- one whose count is wrong, cancelled with a place, overlapping places of one member
      ALTER TABLE class_enrolments DROP CONSTRAINT class_enrolments_member_no_overlap;
      DROP TRIGGER class_enrolments_places ON class_enrolments;
      DROP TRIGGER training_sessions_class_cancelled ON training_sessions;
      INSERT INTO users (id, email, name, role) VALUES ('bad-m3', 'bad-m3@example.org', 'Bad M3', 'member');
      INSERT INTO training_sessions (id, coach_id, type, title, capacity, places_taken, starts_at, ends_at, status) VALUES
        ('bad-class', 'bad-coach', 'GROUP', 'Full', 2, 3, '2027-06-01T10:00Z', '2027-06-01T11:00Z', 'scheduled'),
        ('bad-class-2', 'bad-coach', 'GROUP', 'Gone', 2, 0, '2027-06-01T10:30Z', '2027-06-01T11:30Z', 'cancelled');
      INSERT INTO class_enrolments (class_id, member_id, status, starts_at, ends_at) VALUES
        ('bad-class', 'bad-m1', 'confirmed', '2027-06-01T10:00Z', '2027-06-01T11:00Z'),
        ('bad-class', 'bad-m2', 'confirmed', '2027-06-01T10:00Z', '2027-06-01T11:00Z'),
        ('bad-class', 'bad-m3', 'confirmed', '2027-06-01T10:00Z', '2027-06-01T11:00Z'),
        ('bad-class-2', 'bad-m1', 'confirmed', '2027-06-01T10:30Z', '2027-06-01T11:30Z');
      INSERT INTO bookings (id, member_id, status) VALUES ('bad-booking-2', 'bad-m1', 'CONFIRMED');
      INSERT INTO training_sessions (id, coach_id, member_id, starts_at, ends_at, one_time_booking_id)
        VALUES ('bad-7', 'bad-coach', 'bad-m1', '2027-05-02T10:00Z', '2027-05-02T11:00Z', 'bad-booking-2');`);

    const violations = await checkInvariants(handle.db);
    const named = violations.map((violation) => violation.invariant).sort();
    expect(named).toEqual(INVARIANT_CHECKS.map((check) => check.invariant).sort());
    const coachOverlap = violations.find((violation) => violation.invariant === "coach-overlap")!;
    expect(coachOverlap.count).toBeGreaterThanOrEqual(1);
    expect(coachOverlap.examples.join("\n")).toContain("bad-1");
    expect(describeViolations(violations)).toMatch(/^coach-overlap \(\d+\): 1\. two non-cancelled sessions of one coach overlap$/m);
  });
});

describe("npm run db:check", () => {
  let database: ScriptDatabase;
  beforeAll(async () => {
    database = await createScriptDatabase({ migrated: true });
    await database.withDatabase((handle) => liveBusiness(handle.db));
  });
  afterAll(async () => {
    await database?.close();
  });
  const dbCheck = () => runScript("scripts/db-check.ts", [], database.env);
  const withDatabase = <T>(work: (handle: DatabaseHandle) => Promise<T>) => database.withDatabase(work);

  it("exits 0 and says so when every invariant holds", async () => {
    const result = await dbCheck();
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain(`All ${INVARIANT_CHECKS.length} invariants hold.`);
  });

  it("exits 1 and prints the violated invariant with its rows", async () => {
    await withDatabase((handle) =>
      handle.exec(`
        ALTER TABLE training_sessions DROP CONSTRAINT training_sessions_coach_no_overlap;
        ALTER TABLE training_sessions DROP CONSTRAINT training_sessions_member_no_overlap;
        INSERT INTO training_sessions (id, coach_id, starts_at, ends_at)
          SELECT 'twin-' || i, coach_id, starts_at, ends_at FROM training_sessions, generate_series(1, 1) i
          WHERE status = 'scheduled' ORDER BY starts_at LIMIT 1;`),
    );
    const result = await dbCheck();
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stderr).toMatch(/1 of \d+ invariants are violated/);
    expect(result.stderr).toMatch(/coach-overlap \(1\): .*\n {2}\S+: .*twin-1/);
  });
});
