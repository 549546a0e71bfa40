// The baseline migration (0000) must build v1 on an empty database and change
// nothing (not a row, not a column) on a database that v1 itself created.
import { sql } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { migrationSql } from "../helpers/migrations";
import { describeSchema } from "../helpers/schema-description";
import { createTestDatabase } from "../helpers/test-database";
import { v1SchemaSql } from "../helpers/v1-schema";

const baselineSql = migrationSql("0000_v1_baseline");

const open: DatabaseHandle[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((handle) => handle.close()));
});

async function fresh(): Promise<DatabaseHandle> {
  const handle = await createTestDatabase();
  open.push(handle);
  return handle;
}

it("builds on an empty database exactly the schema v1 had", async () => {
  const fromV1 = await fresh();
  await fromV1.exec(v1SchemaSql);
  const fromBaseline = await fresh();
  await fromBaseline.exec(baselineSql);
  expect(await describeSchema(fromBaseline)).toEqual(await describeSchema(fromV1));
});

it("leaves a v1 database and its rows untouched", async () => {
  const handle = await fresh();
  await handle.exec(v1SchemaSql);
  await handle.exec(`
    INSERT INTO users (id, email, name, role) VALUES ('u1', 'coach@example.com', 'Coach', 'coach');
    INSERT INTO locations (id, name) VALUES ('l1', 'Studio');
    INSERT INTO rooms (id, location_id, name) VALUES ('r1', 'l1', 'Room 1');
    INSERT INTO training_sessions (id, coach_id, room_id, title, start_time, end_time)
      VALUES ('s1', 'u1', 'r1', 'Strength', '2026-01-05 10:00', '2026-01-05 11:00');`);
  const before = await describeSchema(handle);
  await handle.exec(baselineSql);
  expect(await describeSchema(handle)).toEqual(before);
  const sessions = await handle.db.execute(sql`SELECT id, title, status::text FROM training_sessions`);
  expect(sessions.rows).toEqual([{ id: "s1", title: "Strength", status: "PLANNED" }]);
});
