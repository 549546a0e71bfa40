// `db:check-upgrade` runs the pending migrations exactly as the real upgrade
// would and always rolls back: it reports ready or the preflight's refusal,
// and changes nothing (not a row, not a column, not drizzle's bookkeeping).
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { checkUpgrade, UPGRADE_REFUSED } from "@/db/check-upgrade";
import type { DatabaseHandle } from "@/db/client";
import { databaseErrorMessage, migrateDatabase, readMigrations } from "@/db/migrate";
import { databaseContents } from "../helpers/database-contents";
import { describeSchema } from "../helpers/schema-description";
import { createTestDatabase } from "../helpers/test-database";
import { v1SchemaSql } from "../helpers/v1-schema";

const allTags = readMigrations().map((migration) => migration.tag);

const open: DatabaseHandle[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((handle) => handle.close()));
});

/** A database as v1 left it, with a few rows; `sessionsSql` adds training sessions. */
async function v1Database(sessionsSql = ""): Promise<DatabaseHandle> {
  const handle = await createTestDatabase();
  open.push(handle);
  await handle.exec(v1SchemaSql);
  await handle.exec(`
    INSERT INTO users (id, email, name, role) VALUES
      ('u-coach', 'coach@example.com', 'Coach', 'coach'),
      ('u-member', 'member@example.com', 'Member', 'member');
    INSERT INTO locations (id, name) VALUES ('l1', 'Studio');
    INSERT INTO rooms (id, location_id, name) VALUES ('r1', 'l1', 'Room 1');
    INSERT INTO training_sessions (id, coach_id, room_id, title, start_time, end_time, status) VALUES
      ('s-done', 'u-coach', 'r1', 'Strength', '2026-01-05 10:00', '2026-01-05 11:00', 'COMPLETED');
    INSERT INTO bookings (id, session_id, member_id) VALUES ('b1', 's-done', 'u-member');
    ${sessionsSql}`);
  return handle;
}

async function state(handle: DatabaseHandle) {
  const drizzleSchema = await handle.db.execute(
    sql`SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = 'drizzle'`,
  );
  return {
    schema: await describeSchema(handle),
    contents: await databaseContents(handle),
    drizzleSchemaExists: drizzleSchema.rows[0]?.n === 1,
  };
}

it("reports a v1 database ready, with every migration pending, and changes nothing", async () => {
  const handle = await v1Database(`
    INSERT INTO training_sessions (id, coach_id, room_id, title, start_time, end_time) VALUES
      ('s-next', 'u-coach', 'r1', 'Mobility', '2026-01-05 11:00', '2026-01-05 12:00');`);
  const before = await state(handle);
  expect(before.drizzleSchemaExists).toBe(false);
  expect(before.contents.training_sessions).toHaveLength(2);

  expect(await checkUpgrade(handle)).toEqual({ ready: true, pending: allTags });
  expect(allTags).toContain("0001_upgrade");

  expect(await state(handle)).toEqual(before);
});

it("reports no pending migration on a migrated database, and changes nothing", async () => {
  const handle = await v1Database();
  await migrateDatabase(handle);
  const before = await state(handle);
  expect(before.contents["drizzle.__drizzle_migrations"]).toHaveLength(allTags.length);

  expect(await checkUpgrade(handle)).toEqual({ ready: true, pending: [] });
  expect(await state(handle)).toEqual(before);
});

it("decides what is pending as drizzle's migrator does: after the newest recorded migration", async () => {
  const handle = await v1Database();
  const first = readMigrations()[0]!;
  // drizzle's own bookkeeping after only the first migration was applied.
  await handle.exec(`
    CREATE SCHEMA drizzle;
    CREATE TABLE drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint);
    INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('${first.hash}', ${first.folderMillis});`);
  const before = await state(handle);

  expect(await checkUpgrade(handle)).toEqual({ ready: true, pending: allTags.slice(1) });
  expect(await state(handle)).toEqual(before);
});

it("reports the upgrade's refusal for v1 sessions that overlap, the same report the upgrade gives, and changes nothing", async () => {
  const handle = await v1Database(`
    INSERT INTO training_sessions (id, coach_id, room_id, title, start_time, end_time, status) VALUES
      ('s-overlap-a', 'u-coach', 'r1', 'Strength', '2026-02-02 10:00', '2026-02-02 11:00', 'PLANNED'),
      ('s-overlap-b', 'u-coach', 'r1', 'Cardio', '2026-02-02 10:30', '2026-02-02 11:30', 'PLANNED');`);
  const before = await state(handle);

  const result = await checkUpgrade(handle);
  expect(result.ready).toBe(false);
  if (result.ready) return;
  expect(result.pending).toEqual(allTags);
  expect(result.report.startsWith(UPGRADE_REFUSED)).toBe(true);
  expect(result.report).toContain("s-overlap-a");
  expect(result.report).toContain("s-overlap-b");
  expect(result.report).not.toContain("s-done");
  expect(await state(handle)).toEqual(before);

  // The check ran the upgrade's own SQL, so the upgrade says the same.
  const upgradeError = await migrateDatabase(handle).then(
    () => null,
    (error: unknown) => databaseErrorMessage(error),
  );
  expect(upgradeError).toBe(result.report);
});

describe("v1 group bookings that classes forbid (drizzle/0009's preflight)", () => {
  // Two coaches, so that overlapping group sessions break no rule of 0001.
  const groups = `
    INSERT INTO users (id, email, name, role) VALUES
      ('u-coach-2', 'coach2@example.com', 'Coach 2', 'coach'),
      ('u-other', 'other@example.com', 'Other', 'member');
    INSERT INTO training_sessions (id, coach_id, room_id, type, title, start_time, end_time, capacity, status) VALUES
      ('g-yoga', 'u-coach', 'r1', 'GROUP', 'Yoga', '2026-02-03 10:00', '2026-02-03 11:00', 8, 'PLANNED'),
      ('g-spin', 'u-coach-2', 'r1', 'GROUP', 'Spin', '2026-02-04 10:00', '2026-02-04 11:00', 8, 'PLANNED'),
      ('g-box', 'u-coach', 'r1', 'GROUP', 'Boxing', '2026-02-04 10:30', '2026-02-04 11:30', 8, 'PLANNED'),
      ('g-gone', 'u-coach', 'r1', 'GROUP', 'Yoga', '2026-02-05 10:00', '2026-02-05 11:00', 8, 'CANCELLED'),
      ('g-gone-too', 'u-coach-2', 'r1', 'GROUP', 'Spin', '2026-02-05 10:30', '2026-02-05 11:30', 8, 'PLANNED');
    -- Allowed: a place given up then taken again, a waitlist place beside a
    -- confirmed one at the same time, anything in a cancelled session.
    INSERT INTO bookings (id, session_id, member_id, status, created_at) VALUES
      ('ok-left', 'g-yoga', 'u-other', 'CANCELLED_BY_MEMBER', '2026-01-10 10:00'),
      ('ok-back', 'g-yoga', 'u-other', 'CONFIRMED', '2026-01-11 10:00'),
      ('ok-spin', 'g-spin', 'u-other', 'CONFIRMED', '2026-01-10 10:00'),
      ('ok-box-waiting', 'g-box', 'u-other', 'WAITLIST', '2026-01-10 10:00'),
      ('ok-gone', 'g-gone', 'u-other', 'CONFIRMED', '2026-01-10 10:00'),
      ('ok-gone-too', 'g-gone-too', 'u-other', 'CONFIRMED', '2026-01-10 10:00');`;

  it("reports ready when a v1 member's group places break no rule of classes", async () => {
    const handle = await v1Database(groups);
    const before = await state(handle);
    const result = await checkUpgrade(handle);
    expect(result.ready ? "ready" : result.report).toBe("ready");
    expect(result).toEqual({ ready: true, pending: allTags });
    expect(await state(handle)).toEqual(before);
  });

  // The preflight lets a cancelled group session keep two places of one
  // member: the upgrade maps both to cancelled (class_cancelled) as it inserts them.
  it("reports ready when a cancelled v1 group session held two places of one member", async () => {
    const handle = await v1Database(`${groups}
      INSERT INTO bookings (id, session_id, member_id, status, created_at) VALUES
        ('ok-gone-twice', 'g-gone', 'u-other', 'WAITLIST', '2026-01-10 11:00');`);
    const result = await checkUpgrade(handle);
    expect(result.ready ? "ready" : result.report).toBe("ready");
  });

  it.each([
    {
      name: "two places in one group session",
      problem: `INSERT INTO bookings (id, session_id, member_id, status, created_at) VALUES
                  ('bad-twice-1', 'g-yoga', 'u-member', 'CONFIRMED', '2026-01-12 10:00'),
                  ('bad-twice-2', 'g-yoga', 'u-member', 'CONFIRMED', '2026-01-12 11:00');`,
      line: "bookings bad-twice-1 and bad-twice-2: member u-member holds two places in group session g-yoga",
    },
    {
      name: "a place and a waitlist place in one group session",
      problem: `INSERT INTO bookings (id, session_id, member_id, status, created_at) VALUES
                  ('bad-twice-1', 'g-yoga', 'u-member', 'CONFIRMED', '2026-01-12 10:00'),
                  ('bad-twice-2', 'g-yoga', 'u-member', 'WAITLIST', '2026-01-12 11:00');`,
      line: "bookings bad-twice-1 and bad-twice-2: member u-member holds two places in group session g-yoga",
    },
    {
      name: "confirmed places in two overlapping group sessions",
      problem: `INSERT INTO bookings (id, session_id, member_id, status, created_at) VALUES
                  ('bad-overlap-1', 'g-spin', 'u-member', 'CONFIRMED', '2026-01-12 10:00'),
                  ('bad-overlap-2', 'g-box', 'u-member', 'CONFIRMED', '2026-01-12 11:00');`,
      line: "bookings bad-overlap-1 and bad-overlap-2: member u-member is confirmed in overlapping group sessions g-spin and g-box",
    },
  ])("refuses $name, naming the bookings, and the upgrade refuses the same and changes nothing", async ({ problem, line }) => {
    const handle = await v1Database(groups + problem);
    const before = await state(handle);

    const result = await checkUpgrade(handle);
    expect(result.ready).toBe(false);
    if (result.ready) return;
    expect(result.report).toMatch(/^Coachbook upgrade refused: 1 problem\(s\) in the group bookings/);
    expect(result.report).toContain(line);
    expect(result.report).not.toMatch(/ok-/);
    expect(await state(handle)).toEqual(before);

    const upgradeError = await migrateDatabase(handle).then(
      () => null,
      (error: unknown) => databaseErrorMessage(error),
    );
    expect(upgradeError).toBe(result.report);
    // drizzle's migrator makes its own (empty) bookkeeping table before its
    // transaction; everything else is as it was.
    const after = await state(handle);
    expect(after.contents["drizzle.__drizzle_migrations"]).toEqual([]);
    expect({ ...after, drizzleSchemaExists: false, contents: { ...after.contents, "drizzle.__drizzle_migrations": null } }).toEqual(before);
  });
});
