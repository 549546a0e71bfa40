// The benchmarks' own database: a new database on the PostgreSQL server named
// by DATABASE_URL (dropped at the end), or PGlite in a temporary directory
// (removed at the end). Migrated, then filled with the generation data set:
// N weekly half-hour series over 500 coaches in four zones (available 06–22
// every day), starting 2027-03-01, no two overlapping. Nine in ten are a
// member's series; every tenth is a class series (no member, a title, 12
// places) with 3 standing places, each held by a member of its own, so the
// generation figures place classes and fill their places as a studio with
// classes makes them do.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { Client } from "pg";
import { openDatabase, type DatabaseHandle, type DatabaseKind } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import type { ExistingDatabase } from "../../tests/helpers/app-server";

export const COACHES = 500;
/** Every CLASS_SERIES_EVERY-th series of the generation data set is a class series… */
export const CLASS_SERIES_EVERY = 10;
/** …of this many places… */
export const CLASS_SERIES_CAPACITY = 12;
/** …with this many standing places. */
export const STANDING_PLACES_PER_CLASS = 3;
/** Whether series k is a class series: spread over the coaches and days (k mod 10 alone would give them all to 50 coaches). */
const isClassSeries = (k: string) => `(${k} + ${k} / ${COACHES}) % ${CLASS_SERIES_EVERY} = 0`;
/** The day the generation figures run on (a Monday), and the day after. */
export const GENERATION_DAY = new Date("2027-03-01T00:00:00Z");
export const NEXT_DAY = new Date("2027-03-02T00:00:00Z");

export interface BenchDatabase {
  kind: DatabaseKind;
  /** What a child process or a server needs to open it. */
  location: ExistingDatabase;
  /** The environment of a child process that opens it. */
  env: Record<string, string>;
  open(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `coachbook_bench_${randomBytes(4).toString("hex")}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    return {
      kind: "postgres",
      location: { databaseUrl },
      env: { DATABASE_URL: databaseUrl },
      open: () => openDatabase({ databaseUrl }),
      drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const tempDir = await mkdtemp(path.join(tmpdir(), "coachbook-bench-"));
  const pgliteDir = path.join(tempDir, "pglite");
  return {
    kind: "pglite",
    location: { pgliteDir },
    env: { PGLITE_DIR: pgliteDir, DATABASE_URL: "" },
    open: () => openDatabase({ databaseUrl: "", pgliteDataDir: pgliteDir }),
    drop: () => rm(tempDir, { recursive: true, force: true }),
  };
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** Migrates and writes the generation data set of `series` series. */
export async function seedGenerationData(handle: DatabaseHandle, series: number): Promise<void> {
  await migrateDatabase(handle);
  await handle.exec(`
    INSERT INTO users (id, email, name, role) SELECT 'c'||i, 'c'||i||'@bench', 'Coach '||i, 'coach' FROM generate_series(1, ${COACHES}) i;
    INSERT INTO coach_settings (coach_id, timezone)
      SELECT 'c'||i, (ARRAY['Europe/Paris','America/New_York','Asia/Kolkata','UTC'])[1 + i % 4] FROM generate_series(1, ${COACHES}) i;
    INSERT INTO weekly_availability (coach_id, day_of_week, start_time, end_time)
      SELECT 'c'||i, d, '06:00', '22:00' FROM generate_series(1, ${COACHES}) i, generate_series(0, 6) d;
    INSERT INTO users (id, email, name, role) SELECT 'm'||i, 'm'||i||'@bench', 'Member '||i, 'member' FROM generate_series(1, ${series}) i;
    -- series k: coach 1 + k mod 500, day (k / 500) mod 7, half hour (k / 3500) mod 32 from 06:00:
    -- 500 × 7 × 32 = 112,000 weekly slots, so up to that many series never overlap.
    -- every tenth: a class series (no member, a title, a capacity), its member left without a series
    INSERT INTO recurring_bookings (member_id, coach_id, day_of_week, start_time, end_time, start_date, title, capacity)
      SELECT CASE WHEN ${isClassSeries("k")} THEN NULL ELSE 'm'||k END,
             'c'||(1 + k % ${COACHES}), (k / ${COACHES}) % 7,
             to_char(TIME '06:00' + ((k / ${COACHES * 7}) % 32) * interval '30 minutes', 'HH24:MI'),
             to_char(TIME '06:30' + ((k / ${COACHES * 7}) % 32) * interval '30 minutes', 'HH24:MI'),
             DATE '2027-03-01',
             CASE WHEN ${isClassSeries("k")} THEN 'Class '||k END,
             CASE WHEN ${isClassSeries("k")} THEN ${CLASS_SERIES_CAPACITY} END
      FROM generate_series(1, ${series}) k;
    -- 3 standing places in each class series, each held by a member who holds nothing else
    INSERT INTO users (id, email, name, role)
      SELECT 'p'||k||'-'||j, 'p'||k||'-'||j||'@bench', 'Regular '||k||'-'||j, 'member'
      FROM generate_series(1, ${series}) k, generate_series(1, ${STANDING_PLACES_PER_CLASS}) j WHERE ${isClassSeries("k")};
    INSERT INTO standing_places (series_id, member_id, created_at)
      SELECT rb.id, 'p'||k||'-'||j, TIMESTAMPTZ '2027-02-01T00:00:00Z' + j * interval '1 minute'
      FROM generate_series(1, ${series}) k
      CROSS JOIN generate_series(1, ${STANDING_PLACES_PER_CLASS}) j
      JOIN recurring_bookings rb ON rb.title = 'Class '||k
      WHERE ${isClassSeries("k")};
    ANALYZE;`);
}

/** The class series, standing places and classes of the data set (for the figures' details and checks). */
export async function classSeriesCount(handle: DatabaseHandle): Promise<{ classSeries: number; standingPlaces: number }> {
  const { rows } = await handle.db.execute(sql`SELECT
      (SELECT count(*)::int FROM recurring_bookings WHERE member_id IS NULL) AS class_series,
      (SELECT count(*)::int FROM standing_places WHERE status = 'active') AS standing_places`);
  return { classSeries: Number(rows[0]!.class_series), standingPlaces: Number(rows[0]!.standing_places) };
}

/**
 * Empties training_sessions and the classes' places (and vacuums them), so
 * two inserts of the same rows start from the same table state, and forgets
 * the generator's high-water marks, which stand for those rows.
 */
export async function emptySessions(handle: DatabaseHandle): Promise<void> {
  await handle.db.execute(sql`DELETE FROM class_enrolments`);
  await handle.db.execute(sql`DELETE FROM training_sessions`);
  await handle.db.execute(sql`UPDATE recurring_bookings SET next_occurrence_on = NULL`);
  await handle.db.execute(sql`VACUUM class_enrolments`);
  await handle.db.execute(sql`VACUUM training_sessions`);
}
