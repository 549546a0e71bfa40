// `db:check-upgrade` runs the pending migrations exactly as the real upgrade
// would and always rolls back: it reports ready or the preflight's refusal,
// and changes nothing (not a row, not a column, not drizzle's bookkeeping).
import { sql } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
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
