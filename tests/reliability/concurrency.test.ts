// Races on the engine at hand, checked afterwards by the invariant checker:
// overlapping series created at once by two members for one coach;
// generation twice at once; a series cancelled while generation runs; and a
// mixed round where bookings, series, cancellations and generation all run
// together. On PostgreSQL (a pool of connections) the operations really
// overlap; on PGlite (one connection) they interleave between statements —
// the same assertions hold on both. Then sustained bursts over HTTP against
// a real server: a crowd on one slot (many members, or one member alone), one
// coach's calendar and one member's calendar hammered, while /api/health is
// probed — exactly one winner, every other answer 409 (or 429), never a 5xx.
// How fast those answers come is the bench's (npm run bench: contention).
import { randomBytes } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/auth/actor";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { EXCLUSION_VIOLATION, hasPostgresCode } from "@/db/errors";
import type { DatabaseHandle } from "@/db/client";
import { checkInvariants, describeViolations } from "@/db/invariants";
import { recurringBookings, trainingSessions } from "@/db/schema";
import { isAppError } from "@/domain/errors";
import { lockCoachCalendar } from "@/server/availability/coach-calendar";
import { lockBookingTime } from "@/server/bookings/booking-time";
import { cancelRecurringBooking } from "@/server/bookings/cancel-recurring-booking";
import { createOneTimeBooking } from "@/server/bookings/create-one-time-booking";
import { createRecurringBooking } from "@/server/bookings/create-recurring-booking";
import { cancelSession } from "@/server/sessions/cancel-session";
import { generateSessions } from "@/server/sessions/generate-sessions";
import { insertSession } from "@/server/sessions/insert-session";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { ALL_WEEK, addPerson, addSeries, addWeeklyRules, clearBusinessData } from "../helpers/people";
import { useMigratedDatabase } from "../helpers/test-database";

let db: DatabaseOrTransaction;
useMigratedDatabase((handle) => {
  db = handle.db;
});

const NOW = new Date("2027-03-01T08:00:00Z");
const onPostgres = Boolean(process.env.DATABASE_URL);

async function expectInvariantsHold(): Promise<void> {
  const violations = await checkInvariants(db);
  expect(violations, describeViolations(violations)).toEqual([]);
}

/** Every rejection of a race must be the app's own error (409, 400…), never a raw database error. */
function rejectionsOf(results: PromiseSettledResult<unknown>[]): unknown[] {
  const reasons = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
  for (const reason of reasons) expect(isAppError(reason), String(reason)).toBe(true);
  return reasons;
}

let coach: Actor;
beforeEach(async () => {
  await clearBusinessData(db);
  coach = await addPerson(db, "coach", { timezone: "Europe/Paris", minimumNoticeMinutes: 0 });
  await addWeeklyRules(db, coach.id, ALL_WEEK);
});

describe("overlapping series created at once", () => {
  // [startTime, endTime] pairs that overlap on the same weekday, and one pair that only touches.
  const pairs: Array<[[string, string], [string, string], boolean]> = [
    [["10:00", "11:00"], ["10:00", "11:00"], true],
    [["10:00", "11:00"], ["10:30", "11:30"], true],
    [["09:00", "12:00"], ["10:00", "10:15"], true],
    [["13:00", "14:00"], ["12:15", "13:01"], true],
    [["15:00", "16:00"], ["16:00", "17:00"], false],
  ];

  it.each(pairs)("%j and %j by two members: one wins when they overlap, both when they only touch", async (a, b, overlap) => {
    const [first, second] = [await addPerson(db, "member"), await addPerson(db, "member")];
    const attempts: Array<[Actor, [string, string]]> = [
      [first, a],
      [second, b],
    ];
    const results = await Promise.allSettled(
      attempts.map(([member, [startTime, endTime]]) =>
        createRecurringBooking({
          db,
          actor: member,
          input: { coachId: coach.id, dayOfWeek: 2, startTime, endTime, startDate: "2027-03-01" },
          now: NOW,
        }),
      ),
    );
    const reasons = rejectionsOf(results);
    expect(reasons).toHaveLength(overlap ? 1 : 0);
    for (const reason of reasons) expect(reason).toMatchObject({ code: "conflict" });
    const [series] = await db.select({ n: count() }).from(recurringBookings);
    expect(series!.n).toBe(overlap ? 1 : 2);
    await expectInvariantsHold();
  });
});

/** `n` weekly series straight into the table (no checks), some of them colliding, for the generator. */
async function seriesForGeneration(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const member = await addPerson(db, "member");
    // Two series per hour slot: every other one collides with its twin (coach busy → a conflict).
    const hour = 6 + Math.floor(i / 2) % 14;
    ids.push(
      await addSeries(db, {
        memberId: member.id,
        coachId: coach.id,
        dayOfWeek: 1 + (Math.floor(i / 28) % 5),
        startTime: `${String(hour).padStart(2, "0")}:00`,
        endTime: `${String(hour).padStart(2, "0")}:${i % 2 === 0 ? "45" : "30"}`,
        startDate: "2027-03-01",
        createdAt: new Date(NOW.getTime() - (n - i) * 1000),
      }),
    );
  }
  return ids;
}

describe("generation", () => {
  it("twice at once (three times, small batches) creates every occurrence exactly once and records each collision once", async () => {
    await seriesForGeneration(40);
    const runs = await Promise.all(
      [3, 7, 40].map((batchSize) => generateSessions(db, { weeksAhead: 4, now: NOW, trigger: "test", batchSize })),
    );
    const [sessions] = await db.select({ n: count() }).from(trainingSessions);
    const [conflicts] = await selectRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM session_conflicts`);
    expect(runs.reduce((sum, run) => sum + run.created, 0)).toBe(sessions!.n);
    expect(runs.reduce((sum, run) => sum + run.conflicts, 0)).toBe(Number(conflicts!.n));
    // 40 series, 4 weeks: 20 pairs collide every week, so 20 × 4 sessions and 20 × 4 conflicts.
    expect(sessions!.n).toBe(80);
    expect(Number(conflicts!.n)).toBe(80);
    const again = await generateSessions(db, { weeksAhead: 4, now: NOW, trigger: "test" });
    expect(again).toMatchObject({ created: 0, conflicts: 0 });
    await expectInvariantsHold();
  });

  it("a series cancelled while generation runs gets no session after its cancellation", async () => {
    const ids = await seriesForGeneration(30);
    const member = await addPerson(db, "member");
    const victim = await createRecurringBooking({
      db,
      actor: member,
      input: { coachId: coach.id, dayOfWeek: 6, startTime: "10:00", endTime: "11:00", startDate: "2027-03-01" },
      now: NOW,
    });
    // Each series cancelled at a different point of a run of small batches.
    const cancelledAt = new Date("2027-03-02T00:00:00Z");
    const [run, ...cancellations] = await Promise.all([
      generateSessions(db, { weeksAhead: 6, now: NOW, trigger: "test", batchSize: 2 }),
      cancelRecurringBooking({ db, actor: member, input: { recurringBookingId: victim.recurringBooking.id, futureOnly: true }, now: cancelledAt }),
      ...ids.slice(0, 6).map(async (id, index) => {
        await new Promise((resolve) => setTimeout(resolve, index * 15));
        return cancelRecurringBooking({ db, actor: coach, input: { recurringBookingId: id, futureOnly: true }, now: cancelledAt });
      }),
    ]);
    expect(run.created).toBeGreaterThan(0);
    expect(cancellations).toHaveLength(7);
    const [left] = await selectRows<{ n: number }>(db, sql`
      SELECT count(*)::int AS n FROM training_sessions t JOIN recurring_bookings rb ON rb.id = t.recurring_booking_id
      WHERE rb.status = 'cancelled' AND t.status = 'scheduled' AND t.starts_at > ${cancelledAt.toISOString()}::timestamptz`);
    expect(Number(left!.n)).toBe(0);
    await expectInvariantsHold();
  });
});

describe("a mixed round", () => {
  it("bookings, series, session cancellations and generation at once: every refusal is the app's, and every invariant holds", async () => {
    const members = await Promise.all(Array.from({ length: 12 }, () => addPerson(db, "member")));
    await seriesForGeneration(10);
    const base = await createOneTimeBooking({
      db,
      actor: members[0]!,
      input: { coachId: coach.id, startsAt: "2027-03-03T10:00:00Z", endsAt: "2027-03-03T11:00:00Z" },
      now: NOW,
    });
    const at = (day: number, hour: number, minutes = 60) => ({
      startsAt: new Date(Date.UTC(2027, 2, day, hour)).toISOString(),
      endsAt: new Date(Date.UTC(2027, 2, day, hour) + minutes * 60_000).toISOString(),
    });
    const results = await Promise.allSettled([
      generateSessions(db, { weeksAhead: 3, now: NOW, trigger: "test", batchSize: 3 }),
      // one-time bookings on the same and neighbouring slots, some overlapping the series' hours
      ...members.slice(1, 7).map((member, i) =>
        createOneTimeBooking({ db, actor: member, input: { coachId: coach.id, ...at(1 + (i % 3), 6 + (i % 2), 90) }, now: NOW }),
      ),
      // two series of other members for the same Saturday hour
      ...members.slice(7, 9).map((member) =>
        createRecurringBooking({
          db,
          actor: member,
          input: { coachId: coach.id, dayOfWeek: 6, startTime: "09:00", endTime: "10:30", startDate: "2027-03-01" },
          now: NOW,
        }),
      ),
      cancelSession({ db, actor: members[0]!, input: { id: base.session.id }, now: NOW }),
      // the cancelled slot taken again at once
      createOneTimeBooking({ db, actor: members[9]!, input: { coachId: coach.id, ...at(3, 10) }, now: NOW }),
      generateSessions(db, { weeksAhead: 4, now: NOW, trigger: "test", batchSize: 5 }),
    ]);
    const refusals = rejectionsOf(results);
    expect(refusals.length).toBeGreaterThan(0); // the race had losers…
    expect(refusals.length).toBeLessThan(results.length); // …and winners
    await expectInvariantsHold();
    const [one] = await db.select({ status: trainingSessions.status }).from(trainingSessions).where(eq(trainingSessions.id, base.session.id));
    expect(one!.status).toBe("cancelled");
  });
});

describe("one slot, booked at once", () => {
  it("by 40 members: exactly one gets it, every other one a 409 (no deadlock or database error escapes)", async () => {
    const members = await Promise.all(Array.from({ length: 40 }, () => addPerson(db, "member")));
    const input = { coachId: coach.id, startsAt: "2027-03-04T10:00:00Z", endsAt: "2027-03-04T11:00:00Z" };
    const results = await Promise.allSettled(members.map((member) => createOneTimeBooking({ db, actor: member, input, now: NOW })));
    const refusals = rejectionsOf(results);
    expect(results.length - refusals.length).toBe(1);
    for (const refusal of refusals) expect(refusal).toMatchObject({ code: "conflict" });
    await expectInvariantsHold();
  });

  // Two inserts of overlapping sessions can each find the other's new index
  // entry and wait on each other; PostgreSQL ends one (40P01). Made certain
  // here: A holds 10:00–11:00; B's insert of 10:30–11:30 waits on A; then A
  // inserts 11:00–11:45, which overlaps B's entry and waits on B. B waited
  // first, so its deadlock check (300 ms) ends B's insert (A's would take
  // 10 s, past the test's timeout), and insertSession runs it again: without
  // that, B fails with 40P01.
  if (onPostgres) {
    const at = (hour: number, minute: number) => new Date(Date.UTC(2027, 2, 8, hour, minute));

    async function deadlockedInsert(aFinishes: "commits" | "rolls back"): Promise<PromiseSettledResult<string>> {
      let bPid = 0;
      let aInserted!: () => void;
      const aHasInserted = new Promise<void>((resolve) => (aInserted = resolve));
      const b = aHasInserted.then(() =>
        db.transaction(async (tx) => {
          await tx.execute(sql`SET LOCAL deadlock_timeout = '300ms'`);
          bPid = (await selectRows<{ pid: number }>(tx, sql`SELECT pg_backend_pid() AS pid`))[0]!.pid;
          return insertSession(tx, { coachId: coach.id, startsAt: at(10, 30), endsAt: at(11, 30) });
        }),
      );
      const bSettled = b.then(
        (value) => ({ status: "fulfilled", value }) as const,
        (reason: unknown) => ({ status: "rejected", reason }) as const,
      );
      const a = db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL deadlock_timeout = '10s'`);
        await tx.insert(trainingSessions).values({ coachId: coach.id, startsAt: at(10, 0), endsAt: at(11, 0) });
        aInserted();
        // until B waits on A's row
        for (let tries = 0; ; tries += 1) {
          const [row] = await selectRows<{ wait: string | null }>(db, sql`SELECT wait_event_type AS wait FROM pg_stat_activity WHERE pid = ${bPid}`);
          if (row?.wait === "Lock") break;
          if (tries > 200) throw new Error("B never waited on A");
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        await tx.insert(trainingSessions).values({ coachId: coach.id, startsAt: at(11, 0), endsAt: at(11, 45) });
        if (aFinishes === "rolls back") tx.rollback();
      });
      await a.catch((error: unknown) => {
        if (aFinishes === "commits") throw error;
      });
      return bSettled;
    }

    it("an insert ended as a deadlock is run again: the other committed first, so it gets the overlap verdict (a 409)", async () => {
      const b = await deadlockedInsert("commits");
      expect(b.status).toBe("rejected");
      expect(hasPostgresCode((b as PromiseRejectedResult).reason, EXCLUSION_VIOLATION)).toBe(true);
      await expectInvariantsHold();
    });

    it("an insert ended as a deadlock is run again: the other rolled back, so it gets the time", async () => {
      const b = await deadlockedInsert("rolls back");
      expect(b.status).toBe("fulfilled");
      const rows = await db
        .select({ startsAt: trainingSessions.startsAt })
        .from(trainingSessions)
        .where(eq(trainingSessions.coachId, coach.id));
      expect(rows.map((row) => row.startsAt.toISOString())).toEqual([at(10, 30).toISOString()]);
      await expectInvariantsHold();
    });
  }
});

// PGlite has one connection: a transaction holding a lock there holds the
// whole database, so a second booking cannot even start. PostgreSQL only.
// PostgreSQL only: defined only there (a skipped test would count as not passed).
if (onPostgres) describe("a booking that cannot have its lock in time", () => {
  const time = { startsAt: "2027-03-09T10:00:00Z", endsAt: "2027-03-09T11:00:00Z" };

  /** Holds `lock` in a transaction until the booking made meanwhile has settled; answers the booking's outcome. */
  async function bookWhileHeld(lock: (tx: DatabaseOrTransaction) => Promise<void>): Promise<PromiseSettledResult<unknown>> {
    const member = await addPerson(db, "member");
    let held!: () => void;
    const isHeld = new Promise<void>((resolve) => (held = resolve));
    let outcome!: PromiseSettledResult<unknown>;
    const holder = db.transaction(async (tx) => {
      await lock(tx);
      held();
      [outcome] = await Promise.allSettled([
        isHeld.then(() => createOneTimeBooking({ db, actor: member, input: { coachId: coach.id, ...time }, now: NOW })),
      ]);
      tx.rollback();
    });
    await holder.catch(() => {});
    return outcome;
  }

  it("another booking of the same hour holds it: 409 'try again', nothing written, instead of an unbounded wait", async () => {
    const other = await addPerson(db, "member");
    const outcome = await bookWhileHeld((tx) =>
      lockBookingTime(tx, { coachId: coach.id, memberId: other.id, zone: "UTC", startsAt: new Date(time.startsAt), endsAt: new Date(time.endsAt) }),
    );
    expect(outcome.status).toBe("rejected");
    expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: "conflict", message: expect.stringContaining("try again") });
    const [sessions] = await db.select({ n: count() }).from(trainingSessions);
    expect(sessions!.n).toBe(0);
  });

  it("a change to the coach's week holds their calendar: 409 'try again' as well", async () => {
    const outcome = await bookWhileHeld((tx) => lockCoachCalendar(tx, coach.id));
    expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: "conflict", message: expect.stringContaining("try again") });
  });

  it("the booking's timeouts end with its transaction: the next statement on that connection has none", async () => {
    const member = await addPerson(db, "member");
    await createOneTimeBooking({ db, actor: member, input: { coachId: coach.id, ...time }, now: NOW });
    // A pool of one would prove it on the same connection; here every connection of the pool is asked.
    const settings = await Promise.all(
      Array.from({ length: 12 }, () =>
        selectRows<{ lock: string; statement: string }>(db, sql`SELECT current_setting('lock_timeout') AS lock, current_setting('statement_timeout') AS statement`),
      ),
    );
    for (const [row] of settings) expect(row).toEqual({ lock: "0", statement: "0" });
  });
});

describe("sustained bursts over HTTP", () => {
  // PGlite runs every query of the server in one line: 10 clients make the same races there.
  const CLIENTS = onPostgres ? 50 : 10;
  const BURST_MS = 3_000;
  const DAY_MS = 86_400_000;
  let server: AppServer;
  const tag = randomBytes(4).toString("hex");
  const coaches = Array.from({ length: 20 }, (_, i) => `burst-coach-${tag}-${i}`);
  const members = Array.from({ length: CLIENTS }, (_, i) => `burst-member-${tag}-${i}`);
  const tokenOf = (member: string) => `bursttoken${member.replaceAll("-", "")}`;
  // Days well ahead of today, so no notice or past check decides anything.
  const firstDay = new Date(Math.ceil((Date.now() + 3 * DAY_MS) / DAY_MS) * DAY_MS);
  const at = (day: number, halfHour: number) => new Date(firstDay.getTime() + day * DAY_MS + halfHour * 1_800_000);

  beforeAll(async () => {
    server = await startAppServer({
      // These bursts are about contention: the per-user write limit (its own
      // tests are in tests/http/csrf-and-api-keys.test.ts) would otherwise
      // answer a member's first booking of a later burst with 429.
      env: { RATE_LIMIT_API_WRITES: "1000000/1m" },
      prepare: async (handle: DatabaseHandle) => {
        const expires = new Date(Date.now() + DAY_MS).toISOString();
        const list = (ids: string[]) => ids.map((id) => `'${id}'`).join(", ");
        await handle.exec(`
          INSERT INTO users (id, email, name, role)
            SELECT id, id || '@burst', 'Coach ' || id, 'coach'::user_role FROM unnest(ARRAY[${list(coaches)}]) id
            UNION ALL SELECT id, id || '@burst', 'Member ' || id, 'member'::user_role FROM unnest(ARRAY[${list(members)}]) id;
          INSERT INTO coach_settings (coach_id, timezone, minimum_notice_minutes) SELECT id, 'UTC', 0 FROM unnest(ARRAY[${list(coaches)}]) id;
          INSERT INTO weekly_availability (coach_id, day_of_week, start_time, end_time)
            SELECT id, d, '00:00', '23:59' FROM unnest(ARRAY[${list(coaches)}]) id, generate_series(0, 6) d;
          INSERT INTO sessions (token, user_id, expires_at)
            SELECT 'bursttoken' || replace(id, '-', ''), id, '${expires}'::timestamptz FROM unnest(ARRAY[${list(members)}]) id;`);
      },
    });
  }, 120_000);
  afterAll(async () => {
    if (process.env.SHOW_SERVER_OUTPUT) console.log(server?.output().slice(-5000));
    await server?.stop();
  });

  const book = async (member: string, coachId: string, startsAt: Date): Promise<{ status: number; body: string }> => {
    const response = await server.request("/api/v1/bookings", {
      method: "POST",
      headers: { authorization: `Bearer ${tokenOf(member)}`, "content-type": "application/json" },
      body: JSON.stringify({ coachId, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 1_800_000).toISOString() }),
    });
    return { status: response.status, body: await response.text() };
  };

  /**
   * CLIENTS clients each booking over and over for BURST_MS (`attempt` says
   * what client i books), while /api/health is probed every 100 ms. Answers
   * every status seen and the health answers.
   */
  async function burst(attempt: (client: number) => Promise<{ status: number; body: string }>) {
    const deadline = Date.now() + BURST_MS;
    const statuses: Record<string, number> = {};
    const unexpected: string[] = [];
    const health: number[] = [];
    const client = async (i: number) => {
      while (Date.now() < deadline) {
        const { status, body } = await attempt(i);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (![201, 409, 429].includes(status)) unexpected.push(`${status} ${body.slice(0, 300)}`);
      }
    };
    const probe = async () => {
      while (Date.now() < deadline) {
        health.push((await server.request("/api/health")).status);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    await Promise.all([probe(), ...Array.from({ length: CLIENTS }, (_, i) => client(i))]);
    return { statuses, unexpected, health };
  }

  function expectHonest(result: Awaited<ReturnType<typeof burst>>): void {
    expect(result.unexpected, `${JSON.stringify(result.statuses)}\n${server.output().slice(-3000)}`).toEqual([]);
    // Answered throughout: the prober went on, and health never failed.
    expect(result.health.length).toBeGreaterThan(1);
    expect(result.health.every((status) => status === 200), String(result.health)).toBe(true);
  }

  it("one slot, booked again and again by 50 members (10 on PGlite): one 201, every other answer 409 (or 429), health answered throughout", async () => {
    const slot = at(0, 20);
    const result = await burst((i) => book(members[i]!, coaches[0]!, slot));
    expectHonest(result);
    expect(result.statuses["201"]).toBe(1);
  }, 60_000);

  it("one slot, booked by one member from 50 clients at once (10 on PGlite): one 201, the rest 409 (or 429)", async () => {
    const slot = at(1, 20);
    const result = await burst(() => book(members[0]!, coaches[0]!, slot));
    expectHonest(result);
    expect(result.statuses["201"]).toBe(1);
  }, 60_000);

  it("one member's calendar: the same hour with 20 coaches at once, again and again: one 201", async () => {
    const slot = at(2, 20);
    const result = await burst((i) => book(members[1]!, coaches[i % coaches.length]!, slot));
    expectHonest(result);
    expect(result.statuses["201"]).toBe(1);
  }, 60_000);

  it("one coach's calendar: 50 members (10 on PGlite) each after a slot of their own, then again: every slot booked once, no 5xx", async () => {
    const slotOf = (i: number) => at(3 + Math.floor(i / 40), i % 40);
    const result = await burst((i) => book(members[i]!, coaches[1]!, slotOf(i)));
    expectHonest(result);
    // Each client's first attempt found its slot free (only it asks for it); every later one, its own booking.
    expect(result.statuses["201"]).toBe(CLIENTS);
  }, 60_000);
});
