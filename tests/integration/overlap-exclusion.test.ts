// Proves the database mechanism behind invariant 1 of DESIGN.md works on both
// engines we support (PGlite and PostgreSQL): a btree_gist exclusion
// constraint over half-open [starts_at, ends_at) ranges rejects overlapping
// non-cancelled sessions of one coach, accepts back-to-back ones, and its
// SQLSTATE reaches us on drizzle's error.cause.code.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "../helpers/test-database";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  await handle.db.execute(sql`CREATE EXTENSION IF NOT EXISTS btree_gist`);
  await handle.db.execute(sql`
    CREATE TABLE slot (
      id serial PRIMARY KEY,
      coach_id text NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'scheduled',
      CONSTRAINT slot_ends_after_start CHECK (ends_at > starts_at),
      CONSTRAINT slot_no_coach_overlap EXCLUDE USING gist (
        coach_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&
      ) WHERE (status <> 'cancelled')
    )`);
});

afterAll(async () => {
  await handle?.close();
});

async function insert(coachId: string, startsAt: string, endsAt: string, status = "scheduled") {
  await handle.db.execute(
    sql`INSERT INTO slot (coach_id, starts_at, ends_at, status) VALUES (${coachId}, ${startsAt}, ${endsAt}, ${status})`,
  );
}

async function sqlstateOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? (error as { code?: string }).code;
  }
}

describe(`overlap exclusion on ${process.env.DATABASE_URL ? "postgres" : "pglite"}`, () => {
  it("accepts back-to-back sessions of one coach", async () => {
    await insert("coach-a", "2027-03-01T10:00:00Z", "2027-03-01T11:00:00Z");
    await insert("coach-a", "2027-03-01T11:00:00Z", "2027-03-01T12:00:00Z");
    const rows = await handle.db.execute(sql`SELECT count(*)::int AS n FROM slot WHERE coach_id = 'coach-a'`);
    expect(rows.rows[0]).toEqual({ n: 2 });
  });

  it("rejects an overlapping session of the same coach with SQLSTATE 23P01", async () => {
    const code = await sqlstateOf(insert("coach-a", "2027-03-01T10:30:00Z", "2027-03-01T11:30:00Z"));
    expect(code).toBe("23P01");
  });

  it("allows the same time for another coach, and over a cancelled session", async () => {
    await insert("coach-b", "2027-03-01T10:30:00Z", "2027-03-01T11:30:00Z");
    await insert("coach-c", "2027-03-02T09:00:00Z", "2027-03-02T10:00:00Z", "cancelled");
    await insert("coach-c", "2027-03-02T09:00:00Z", "2027-03-02T10:00:00Z");
    const rows = await handle.db.execute(sql`SELECT count(*)::int AS n FROM slot`);
    expect(rows.rows[0]).toEqual({ n: 5 });
  });

  it("rejects a session that ends before it starts with SQLSTATE 23514", async () => {
    const code = await sqlstateOf(insert("coach-d", "2027-03-01T11:00:00Z", "2027-03-01T10:00:00Z"));
    expect(code).toBe("23514");
  });
});
