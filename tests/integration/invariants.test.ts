// Each database invariant of DESIGN.md, on the migrated schema: it rejects
// what it must (with the SQLSTATE the use cases will map to 409 or 400) and
// accepts what it must, such as back-to-back sessions.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { checkInvariants } from "@/db/invariants";
import { createMigratedTestDatabase } from "../helpers/test-database";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createMigratedTestDatabase();
  await handle.exec(`
    INSERT INTO users (id, email, name, role) VALUES
      ('coach-a', 'a@example.org', 'Coach A', 'coach'),
      ('coach-b', 'b@example.org', 'Coach B', 'coach'),
      ('member-1', 'm1@example.org', 'Member 1', 'member'),
      ('member-2', 'm2@example.org', 'Member 2', 'member');
    INSERT INTO recurring_bookings (id, member_id, coach_id, day_of_week, start_time, end_time, start_date)
      VALUES ('series-1', 'member-1', 'coach-a', 2, '10:00', '11:00', '2027-03-02');`);
});

afterAll(async () => {
  await handle?.close();
});

/** The SQLSTATE a statement fails with (drizzle puts it on error.cause.code), or "ok". */
async function outcome(statement: ReturnType<typeof sql>): Promise<string> {
  try {
    await handle.db.execute(statement);
    return "ok";
  } catch (error) {
    const failure = error as { code?: string; cause?: { code?: string } };
    return failure.cause?.code ?? failure.code ?? "unknown";
  }
}

function session(values: {
  coach: string;
  member?: string | null;
  startsAt: string;
  endsAt: string;
  status?: string;
  series?: string | null;
}) {
  return sql`INSERT INTO training_sessions (coach_id, member_id, starts_at, ends_at, status, recurring_booking_id)
    VALUES (${values.coach}, ${values.member ?? null}, ${values.startsAt}, ${values.endsAt},
            ${values.status ?? "scheduled"}, ${values.series ?? null})`;
}

describe(`invariant 1, no overlaps (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("accepts back-to-back sessions of one coach and one member", async () => {
    expect(await outcome(session({ coach: "coach-a", member: "member-1", startsAt: "2027-03-01T10:00Z", endsAt: "2027-03-01T11:00Z" }))).toBe("ok");
    expect(await outcome(session({ coach: "coach-a", member: "member-1", startsAt: "2027-03-01T11:00Z", endsAt: "2027-03-01T12:00Z" }))).toBe("ok");
  });

  it("rejects an overlapping session of the same coach with 23P01", async () => {
    expect(await outcome(session({ coach: "coach-a", member: "member-2", startsAt: "2027-03-01T10:30Z", endsAt: "2027-03-01T10:45Z" }))).toBe("23P01");
  });

  it("rejects an overlapping session of the same member with another coach with 23P01", async () => {
    expect(await outcome(session({ coach: "coach-b", member: "member-1", startsAt: "2027-03-01T11:59Z", endsAt: "2027-03-01T13:00Z" }))).toBe("23P01");
  });

  it("lets cancelled sessions, other coaches and group sessions without a member share the time", async () => {
    expect(await outcome(session({ coach: "coach-b", member: "member-2", startsAt: "2027-03-01T10:30Z", endsAt: "2027-03-01T11:30Z" }))).toBe("ok");
    expect(await outcome(session({ coach: "coach-a", member: "member-2", startsAt: "2027-03-02T09:00Z", endsAt: "2027-03-02T10:00Z", status: "cancelled" }))).toBe("ok");
    expect(await outcome(session({ coach: "coach-a", member: "member-2", startsAt: "2027-03-02T09:00Z", endsAt: "2027-03-02T10:00Z" }))).toBe("ok");
    expect(await outcome(session({ coach: "coach-b", startsAt: "2027-03-02T09:00Z", endsAt: "2027-03-02T10:00Z" }))).toBe("ok");
  });

  it("counts no-show sessions as taking the slot (marked once started, possibly before the end)", async () => {
    expect(await outcome(session({ coach: "coach-b", startsAt: "2027-03-03T09:00Z", endsAt: "2027-03-03T10:00Z", status: "no_show" }))).toBe("ok");
    expect(await outcome(session({ coach: "coach-b", startsAt: "2027-03-03T09:30Z", endsAt: "2027-03-03T10:30Z" }))).toBe("23P01");
  });

  it("guards the live calendar: a completed session has left it, and the checker still reports an overlap with one", async () => {
    // Completion only marks ended sessions and nothing is booked in the past,
    // so the product never writes this; written by hand, the database lets it
    // in and `npm run db:check` names it.
    expect(await outcome(session({ coach: "coach-b", startsAt: "2027-03-04T09:00Z", endsAt: "2027-03-04T10:00Z", status: "completed" }))).toBe("ok");
    expect(await checkInvariants(handle.db)).toEqual([]);
    expect(await outcome(session({ coach: "coach-b", startsAt: "2027-03-04T09:30Z", endsAt: "2027-03-04T10:30Z" }))).toBe("ok");
    const [violation] = await checkInvariants(handle.db);
    expect(violation).toMatchObject({ invariant: "coach-overlap", count: 1 });
    await handle.exec(`DELETE FROM training_sessions WHERE coach_id = 'coach-b' AND starts_at >= '2027-03-04' AND starts_at < '2027-03-05'`);
    expect(await checkInvariants(handle.db)).toEqual([]);
  });

  it("re-checks a completed session corrected to no-show, as it comes back onto the live calendar", async () => {
    expect(await outcome(session({ coach: "coach-b", startsAt: "2027-03-05T09:00Z", endsAt: "2027-03-05T10:00Z", status: "completed" }))).toBe("ok");
    expect(await outcome(session({ coach: "coach-b", startsAt: "2027-03-05T09:30Z", endsAt: "2027-03-05T10:30Z" }))).toBe("ok");
    const correct = sql`UPDATE training_sessions SET status = 'no_show'
      WHERE coach_id = 'coach-b' AND starts_at = '2027-03-05T09:00Z'`;
    expect(await outcome(correct)).toBe("23P01");
    await handle.exec(`DELETE FROM training_sessions WHERE coach_id = 'coach-b' AND starts_at >= '2027-03-05' AND starts_at < '2027-03-06'`);
  });

  it("re-checks a cancelled session that is brought back", async () => {
    const restore = sql`UPDATE training_sessions SET status = 'scheduled'
      WHERE coach_id = 'coach-a' AND starts_at = '2027-03-02T09:00Z' AND status = 'cancelled'`;
    expect(await outcome(restore)).toBe("23P01");
  });

  it("keys on the ids, not their hash: two coaches (and two members) whose ids hash alike are still two people", async () => {
    // The constraints lead with hashtext(id) so that a check reads one
    // person's sessions (drizzle/0005); the id follows, so a collision of
    // the 32-bit hash never makes two people's sessions clash.
    const [a, b] = ["collide-96031", "collide-118904"];
    const [x, y] = ["collide-31830", "collide-178419"];
    const [hashes] = await handle.db
      .execute<{ coaches: boolean; members: boolean }>(
        sql`SELECT hashtext(${a}) = hashtext(${b}) AS coaches, hashtext(${x}) = hashtext(${y}) AS members`,
      )
      .then((result) => result.rows);
    expect(hashes).toEqual({ coaches: true, members: true });
    await handle.exec(`INSERT INTO users (id, email, name, role) VALUES
      ('${a}', 'ca@example.org', 'Coach Ca', 'coach'), ('${b}', 'cb@example.org', 'Coach Cb', 'coach'),
      ('${x}', 'mx@example.org', 'Member Mx', 'member'), ('${y}', 'my@example.org', 'Member My', 'member')`);

    const at = { startsAt: "2027-03-08T09:00Z", endsAt: "2027-03-08T10:00Z" };
    expect(await outcome(session({ coach: a, member: x, ...at }))).toBe("ok");
    expect(await outcome(session({ coach: b, member: y, ...at }))).toBe("ok");
    // …and each one's own overlaps are still refused.
    const later = { startsAt: "2027-03-08T09:30Z", endsAt: "2027-03-08T10:30Z" };
    expect(await outcome(session({ coach: a, member: null, ...later }))).toBe("23P01");
    expect(await outcome(session({ coach: "coach-b", member: y, ...later }))).toBe("23P01");
  });
});

describe("invariant 2, one row per occurrence of a series", () => {
  it("rejects the same occurrence twice, even when the first was cancelled", async () => {
    const first = { coach: "coach-a", member: "member-1", startsAt: "2027-03-09T10:00Z", endsAt: "2027-03-09T11:00Z", series: "series-1" };
    expect(await outcome(session({ ...first, status: "cancelled" }))).toBe("ok");
    expect(await outcome(session(first))).toBe("23505");
    expect(await outcome(session({ ...first, startsAt: "2027-03-16T10:00Z", endsAt: "2027-03-16T11:00Z" }))).toBe("ok");
  });
});

describe("checks on ranges, days, times and enums", () => {
  it.each([
    ["a session that ends when it starts", session({ coach: "coach-a", startsAt: "2027-04-01T10:00Z", endsAt: "2027-04-01T10:00Z" }), "23514"],
    ["a blocked slot that ends before it starts", sql`INSERT INTO blocked_slots (coach_id, starts_at, ends_at) VALUES ('coach-a', '2027-04-01T10:00Z', '2027-04-01T09:00Z')`, "23514"],
    ["an addition that ends before it starts", sql`INSERT INTO availability_additions (coach_id, starts_at, ends_at) VALUES ('coach-a', '2027-04-01T10:00Z', '2027-04-01T09:00Z')`, "23514"],
    ["a weekly rule on day 7", sql`INSERT INTO weekly_availability (coach_id, day_of_week, start_time, end_time) VALUES ('coach-a', 7, '09:00', '10:00')`, "23514"],
    ["a weekly rule at 24:00", sql`INSERT INTO weekly_availability (coach_id, day_of_week, start_time, end_time) VALUES ('coach-a', 1, '23:00', '24:00')`, "23514"],
    ["a weekly rule that ends before it starts", sql`INSERT INTO weekly_availability (coach_id, day_of_week, start_time, end_time) VALUES ('coach-a', 1, '11:00', '10:00')`, "23514"],
    ["a series on day -1", sql`INSERT INTO recurring_bookings (member_id, coach_id, day_of_week, start_time, end_time, start_date) VALUES ('member-1', 'coach-a', -1, '10:00', '11:00', '2027-03-01')`, "23514"],
    ["a series every 5 weeks", sql`INSERT INTO recurring_bookings (member_id, coach_id, day_of_week, start_time, end_time, start_date, frequency) VALUES ('member-1', 'coach-a', 1, '10:00', '11:00', '2027-03-01', 5)`, "23514"],
    ["a series at 10:60", sql`INSERT INTO recurring_bookings (member_id, coach_id, day_of_week, start_time, end_time, start_date) VALUES ('member-1', 'coach-a', 1, '10:00', '10:60', '2027-03-01')`, "23514"],
    ["a series that ends before it starts", sql`INSERT INTO recurring_bookings (member_id, coach_id, day_of_week, start_time, end_time, start_date, end_date) VALUES ('member-1', 'coach-a', 1, '10:00', '11:00', '2027-03-01', '2027-02-28')`, "23514"],
    ["an unknown session status", session({ coach: "coach-a", startsAt: "2027-04-02T10:00Z", endsAt: "2027-04-02T11:00Z", status: "PLANNED" }), "22P02"],
    ["an unknown role", sql`INSERT INTO users (email, name, role) VALUES ('x@example.org', 'X', 'admin')`, "22P02"],
    ["a generation run of 53 weeks", sql`INSERT INTO session_generation_runs ("trigger", weeks_ahead) VALUES ('cli', 53)`, "23514"],
  ])("rejects %s", async (_name, statement, code) => {
    expect(await outcome(statement)).toBe(code);
  });

  it("accepts a valid series, rule and addition, with database-made ids", async () => {
    const inserted = await handle.db.execute(sql`
      INSERT INTO recurring_bookings (member_id, coach_id, day_of_week, start_time, end_time, start_date, end_date, frequency)
      VALUES ('member-2', 'coach-b', 0, '00:00', '23:59', '2027-03-07', '2027-03-07', 4) RETURNING id`);
    expect(String(inserted.rows[0]!.id)).toMatch(/^[0-9a-f-]{36}$/);
    expect(await outcome(sql`INSERT INTO weekly_availability (coach_id, day_of_week, start_time, end_time) VALUES ('coach-a', 6, '08:30', '12:30')`)).toBe("ok");
    expect(await outcome(sql`INSERT INTO availability_additions (coach_id, starts_at, ends_at) VALUES ('coach-a', '2027-04-01T18:00Z', '2027-04-01T20:00Z')`)).toBe("ok");
  });
});
