// Invariant 5: upgrading a v1 database loses no row and no value, maps the
// status enum inside the migration, and refuses (changing nothing) when v1
// data breaks a rule of the new schema.
import { sql } from "drizzle-orm";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { databaseErrorMessage, migrateDatabase } from "@/db/migrate";
import { describeSchema } from "../helpers/schema-description";
import { createTestDatabase } from "../helpers/test-database";
import { v1SchemaSql } from "../helpers/v1-schema";

const v1DataSql = readFileSync(new URL("../fixtures/v1-data.sql", import.meta.url), "utf8");

const V1_TABLES = [
  "users", "sessions", "accounts", "verifications", "locations", "rooms", "coach_members",
  "coach_settings", "coach_availabilities", "weekly_availability", "blocked_slots",
  "training_sessions", "memberships", "bookings", "payments", "member_notes",
] as const;

/** What the upgrade renames, per table: v1 column → new column. */
const RENAMED: Record<string, Record<string, string>> = {
  training_sessions: { start_time: "starts_at", end_time: "ends_at" },
  blocked_slots: { start_time: "starts_at", end_time: "ends_at" },
};
const SESSION_STATUS = { PLANNED: "scheduled", COMPLETED: "completed", CANCELLED: "cancelled" } as const;
const USER_ROLE: Record<string, string> = { admin: "owner", coach: "coach", " Coach ": "coach", member: "member", MEMBER: "member", "": "member" };

const open: DatabaseHandle[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((handle) => handle.close()));
});

async function v1Database(extraSql = ""): Promise<DatabaseHandle> {
  const handle = await createTestDatabase();
  open.push(handle);
  await handle.exec(v1SchemaSql);
  await handle.exec(v1DataSql + extraSql);
  return handle;
}

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)?$/;

/** Every row of a table as JSON, with each timestamp read as a UTC instant. */
async function tableRows(handle: DatabaseHandle, table: string): Promise<Record<string, unknown>[]> {
  const result = await handle.db.execute(
    sql`SELECT to_jsonb(t) AS row FROM ${sql.identifier(table)} t ORDER BY t.id`,
  );
  return result.rows.map((r) => {
    const row = (typeof r.row === "string" ? JSON.parse(r.row) : r.row) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(row).map(([key, value]) => {
        if (typeof value === "string" && TIMESTAMP.test(value)) {
          const hasZone = /([+-]\d\d:\d\d|Z)$/.test(value);
          return [key, new Date(hasZone ? value : `${value}Z`).toISOString()];
        }
        return [key, value];
      }),
    );
  });
}

async function snapshot(handle: DatabaseHandle) {
  const tables = {} as Record<(typeof V1_TABLES)[number], Record<string, unknown>[]>;
  for (const table of V1_TABLES) tables[table] = await tableRows(handle, table);
  return tables;
}

/** The value v1 stored, as the upgraded schema must hold it. */
function expectedAfterUpgrade(table: string, row: Record<string, unknown>) {
  const renamed = RENAMED[table] ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[renamed[key] ?? key] = value;
  if (table === "training_sessions") out.status = SESSION_STATUS[row.status as keyof typeof SESSION_STATUS];
  if (table === "users") out.role = row.role === null ? "member" : USER_ROLE[row.role as string];
  return out;
}

async function upgradeError(handle: DatabaseHandle): Promise<string> {
  try {
    await migrateDatabase(handle);
  } catch (error) {
    return databaseErrorMessage(error);
  }
  throw new Error("the upgrade was expected to refuse");
}

describe("upgrading a v1 database with realistic data", () => {
  it("keeps every row and every value, converting instants as UTC", async () => {
    const handle = await v1Database();
    const before = await snapshot(handle);
    await migrateDatabase(handle);
    const after = await snapshot(handle);

    for (const table of V1_TABLES) {
      expect(after[table], table).toHaveLength(before[table].length);
      before[table].forEach((v1Row, index) => {
        const expected = expectedAfterUpgrade(table, v1Row);
        const kept = Object.fromEntries(Object.keys(expected).map((key) => [key, after[table][index]?.[key]]));
        expect(kept, `${table} ${String(v1Row.id)}`).toEqual(expected);
      });
    }
    // A DST-night instant stays the same instant.
    const completed = after.training_sessions.find((row) => row.id === "ts-completed");
    expect(completed).toMatchObject({ starts_at: "2026-03-29T00:30:00.000Z", ends_at: "2026-03-29T01:30:00.000Z" });
    expect(before.bookings.length).toBeGreaterThan(10);
  });

  it("maps statuses and roles, and backfills the member of one-to-one sessions", async () => {
    const handle = await v1Database();
    await migrateDatabase(handle);
    const sessions = await handle.db.execute(sql`
      SELECT id, status::text, member_id, one_time_booking_id, recurring_booking_id FROM training_sessions ORDER BY id`);
    expect(sessions.rows).toEqual([
      { id: "ts-cancelled", status: "cancelled", member_id: null, one_time_booking_id: null, recurring_booking_id: null },
      { id: "ts-completed", status: "completed", member_id: "u-m2", one_time_booking_id: "bk-completed", recurring_booking_id: null },
      { id: "ts-group", status: "scheduled", member_id: null, one_time_booking_id: null, recurring_booking_id: null },
      { id: "ts-group-cancelled", status: "cancelled", member_id: null, one_time_booking_id: null, recurring_booking_id: null },
      { id: "ts-group-done", status: "completed", member_id: null, one_time_booking_id: null, recurring_booking_id: null },
      { id: "ts-group-small", status: "scheduled", member_id: null, one_time_booking_id: null, recurring_booking_id: null },
      // Two confirmed bookings: the earliest one is the session's.
      { id: "ts-planned", status: "scheduled", member_id: "u-m1", one_time_booking_id: "bk-planned", recurring_booking_id: null },
      { id: "ts-two-bookings", status: "scheduled", member_id: "u-m3", one_time_booking_id: "bk-two-earlier", recurring_booking_id: null },
      { id: "ts-unbooked", status: "scheduled", member_id: null, one_time_booking_id: null, recurring_booking_id: null },
    ]);
    const roles = await handle.db.execute(sql`SELECT id, role::text FROM users ORDER BY id`);
    expect(roles.rows).toEqual([
      { id: "u-coach-ny", role: "coach" },
      { id: "u-coach-paris", role: "coach" },
      { id: "u-m1", role: "member" },
      { id: "u-m2", role: "member" },
      { id: "u-m3", role: "member" },
      { id: "u-m4", role: "member" },
      { id: "u-m5", role: "member" },
      { id: "u-m6", role: "member" },
      { id: "u-m7", role: "member" },
      { id: "u-owner", role: "owner" },
    ]);
    const settings = await handle.db.execute(sql`
      SELECT coach_id, timezone, minimum_notice_minutes FROM coach_settings ORDER BY coach_id`);
    expect(settings.rows).toEqual([
      { coach_id: "u-coach-ny", timezone: null, minimum_notice_minutes: 120 },
      { coach_id: "u-coach-paris", timezone: null, minimum_notice_minutes: 120 },
    ]);
  });

  it("enforces the new invariants on the upgraded data", async () => {
    const handle = await v1Database();
    await migrateDatabase(handle);
    // ts-planned is 09:00–10:00 UTC on 2026-12-07 for the Paris coach and member u-m1.
    await expect(
      handle.exec(`INSERT INTO training_sessions (coach_id, starts_at, ends_at) VALUES ('u-coach-paris', '2026-12-07T09:30Z', '2026-12-07T09:45Z')`),
    ).rejects.toMatchObject({ code: "23P01" });
    await expect(
      handle.exec(`INSERT INTO training_sessions (coach_id, member_id, starts_at, ends_at) VALUES ('u-coach-ny', 'u-m1', '2026-12-07T09:59Z', '2026-12-07T11:00Z')`),
    ).rejects.toMatchObject({ code: "23P01" });
    // The cancelled v1 session at 09:30 blocks nothing; the slot right after ts-unbooked is free.
    await handle.exec(`INSERT INTO training_sessions (coach_id, member_id, starts_at, ends_at) VALUES ('u-coach-paris', 'u-m2', '2026-12-07T11:00Z', '2026-12-07T12:00Z')`);
  });
});

describe("refusing v1 data that breaks the new rules", () => {
  const problems = `
    INSERT INTO training_sessions (id, coach_id, room_id, title, start_time, end_time) VALUES
      ('bad-coach-overlap', 'u-coach-paris', 'room-a', 'Double', '2026-12-07 09:45:00', '2026-12-07 10:15:00'),
      ('bad-member-overlap', 'u-coach-ny', 'room-ny', 'Clash', '2026-12-07 09:15:00', '2026-12-07 09:45:00'),
      ('bad-range', 'u-coach-ny', 'room-ny', 'Backwards', '2027-01-01 10:00:00', '2027-01-01 10:00:00');
    INSERT INTO bookings (id, session_id, member_id) VALUES ('bk-clash', 'bad-member-overlap', 'u-m1');
    INSERT INTO blocked_slots (id, coach_id, start_time, end_time) VALUES ('bad-slot', 'u-coach-ny', '2027-01-02 10:00:00', '2027-01-02 09:00:00');
    INSERT INTO weekly_availability (id, coach_id, day_of_week, start_time, end_time) VALUES
      ('bad-day', 'u-coach-ny', 7, '09:00', '10:00'),
      ('bad-time', 'u-coach-ny', 2, '9:00', '10:00');
    INSERT INTO users (id, email, name, role) VALUES ('bad-role', 'x@example.org', 'X', 'superuser');`;

  it("lists every offending row in one message and changes nothing", async () => {
    const handle = await v1Database(problems);
    const schemaBefore = await describeSchema(handle);
    const rowsBefore = await snapshot(handle);

    const message = await upgradeError(handle);
    expect(message).toMatch(/^Coachbook upgrade refused: 8 problem\(s\)/);
    for (const line of [
      "training_sessions bad-coach-overlap and ts-planned overlap for coach u-coach-paris",
      "training_sessions bad-coach-overlap and ts-unbooked overlap for coach u-coach-paris",
      "training_sessions bad-member-overlap and ts-planned overlap for member u-m1",
      "training_sessions bad-range: end_time",
      "blocked_slots bad-slot: end_time",
      "weekly_availability bad-day: day_of_week 7",
      "weekly_availability bad-time: 9:00–10:00",
      "users bad-role: role 'superuser'",
    ]) {
      expect(message).toContain(line);
    }

    expect(await describeSchema(handle)).toEqual(schemaBefore);
    expect(await snapshot(handle)).toEqual(rowsBefore);
    const recorded = await handle.db.execute(sql`SELECT to_regclass('drizzle.__drizzle_migrations') AS t`);
    if (recorded.rows[0]?.t !== null) {
      const applied = await handle.db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
      expect(applied.rows[0]).toEqual({ n: 0 });
    }
  });

  it("upgrades once the offending rows are fixed", async () => {
    const handle = await v1Database(problems);
    await upgradeError(handle);
    await handle.exec(`
      UPDATE training_sessions SET status = 'CANCELLED' WHERE id IN ('bad-coach-overlap', 'bad-member-overlap');
      UPDATE training_sessions SET end_time = start_time + interval '1 hour' WHERE id = 'bad-range';
      UPDATE blocked_slots SET end_time = start_time + interval '1 hour' WHERE id = 'bad-slot';
      UPDATE weekly_availability SET day_of_week = 0 WHERE id = 'bad-day';
      UPDATE weekly_availability SET start_time = '09:00' WHERE id = 'bad-time';
      UPDATE users SET role = 'member' WHERE id = 'bad-role';`);
    await migrateDatabase(handle);
    const cancelled = await handle.db.execute(
      sql`SELECT count(*)::int AS n FROM training_sessions WHERE status = 'cancelled'`,
    );
    // The two fixed ones, and the fixture's ts-cancelled and ts-group-cancelled.
    expect(cancelled.rows[0]).toEqual({ n: 4 });
  });
});
