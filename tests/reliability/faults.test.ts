// Faults injected on purpose, on the engine at hand:
//  - `npm run sessions:generate` killed (SIGKILL) after its first batch: whole
//    batches stay, and the next run completes every week with no duplicate;
//  - a migration that fails halfway: the database is exactly as it was
//    (schema and every row), and it is refused again the next time.
// The database outage (503, then recovery) needs a server: outage.test.ts.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "@/db";
import type { DatabaseHandle } from "@/db/client";
import { checkInvariants, describeViolations } from "@/db/invariants";
import { MIGRATIONS_FOLDER, migrateDatabase } from "@/db/migrate";
import { seedGenerationData } from "../../bench/lib/bench-database";
import { databaseContents } from "../helpers/database-contents";
import { addPerson, addWeeklyRules, ALL_WEEK } from "../helpers/people";
import { describeSchema } from "../helpers/schema-description";
import { createScriptDatabase, runScript, type ScriptDatabase } from "../helpers/script-database";
import { createMigratedTestDatabase, createTestDatabase } from "../helpers/test-database";

const onPostgres = Boolean(process.env.DATABASE_URL);
let tempDir: string;

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), "coachbook-faults-"));
});
afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

describe("generation killed mid-batch", () => {
  // Enough batches that the kill lands mid-run (PGlite is the slower engine).
  const SERIES = onPostgres ? 1200 : 600;
  const BATCH = 50;
  let database: ScriptDatabase;
  const withDatabase = <T>(work: (handle: DatabaseHandle) => Promise<T>) => database.withDatabase(work);

  beforeAll(async () => {
    database = await createScriptDatabase({ migrated: false, env: { BUSINESS_TIMEZONE: "UTC" } });
    // The bench's data set: series over 500 coaches, none overlapping, so every occurrence becomes a session.
    await withDatabase((handle) => seedGenerationData(handle, SERIES));
  });
  afterAll(async () => {
    await database?.close();
  });

  const generate = (kill?: { after: RegExp; signal: NodeJS.Signals }) =>
    runScript(
      "scripts/sessions-generate.ts",
      ["--weeks", "6", "--now", "2027-03-01T00:00:00Z", "--batch-size", String(BATCH)],
      database.env,
      kill,
    );

  const sessionCount = () =>
    withDatabase(async (handle) => Number((await handle.db.execute(sql`SELECT count(*)::int AS n FROM training_sessions`)).rows[0]!.n));

  it.each(["SIGKILL", "SIGTERM"] as const)("%s after the first batch: whole batches stay, and the next run completes every week with no duplicate", async (signal) => {
    await withDatabase((handle) => handle.exec("DELETE FROM class_enrolments; DELETE FROM training_sessions; DELETE FROM session_generation_runs; UPDATE recurring_bookings SET next_occurrence_on = NULL;"));
    const killed = await generate({ after: /series \d+\/\d+/, signal });
    const output = killed.stdout + killed.stderr;
    if (signal === "SIGKILL") {
      expect(killed.signal, output).toBe("SIGKILL");
    } else {
      // Stops between batches, records the run as failed, closes the database, exits 1.
      expect(killed.code, output).toBe(1);
      expect(killed.stderr).toMatch(/SIGTERM: stopping after the current batch/);
      expect(killed.stderr).toMatch(/Session generation failed: Interrupted after \d+ of \d+ series/);
    }
    expect(killed.stdout).not.toMatch(/^Done:/m);

    const partial = await sessionCount();
    // At least the batch it reported, and less than everything: it died mid-run.
    expect(partial).toBeGreaterThanOrEqual(BATCH * 6);
    expect(partial).toBeLessThan(SERIES * 6);
    // Whole batches only: every series has all 6 weeks or none.
    const perSeries = await withDatabase((handle) =>
      selectRows<{ n: number; series: number }>(handle.db, sql`
        SELECT n, count(*)::int AS series FROM (
          SELECT count(*)::int AS n FROM training_sessions GROUP BY recurring_booking_id) s GROUP BY n`),
    );
    expect(perSeries.map((row) => Number(row.n))).toEqual([6]);

    const next = await generate();
    expect(next.code, next.stdout + next.stderr).toBe(0);
    expect(next.stdout).toMatch(new RegExp(`^Done: created ${SERIES * 6 - partial}, conflicts 0,`, "m"));
    expect(await sessionCount()).toBe(SERIES * 6);
    await withDatabase(async (handle) => {
      const duplicates = await handle.db.execute(sql`
        SELECT recurring_booking_id, starts_at FROM training_sessions
        GROUP BY recurring_booking_id, starts_at HAVING count(*) > 1`);
      expect(duplicates.rows).toEqual([]);
      const violations = await checkInvariants(handle.db);
      expect(violations, describeViolations(violations)).toEqual([]);
      // A killed run is left "running" (it never finished); a stopped one is "failed"; the next one succeeded.
      const runs = await handle.db.execute<{ status: string }>(sql`SELECT status FROM session_generation_runs ORDER BY started_at`);
      expect(runs.rows.map((row) => row.status)).toEqual([signal === "SIGKILL" ? "running" : "failed", "succeeded"]);
    });
  });
});

describe("a migration that fails halfway", () => {
  let folder: string;

  beforeAll(async () => {
    // drizzle/ plus a fourth migration: it creates a table, adds a column,
    // rewrites rows, then fails on its last statement.
    folder = path.join(tempDir, "drizzle-broken");
    await cp(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalFile = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(await readFile(journalFile, "utf8")) as { entries: Array<{ idx: number; when: number; tag: string }> };
    const last = journal.entries[journal.entries.length - 1]!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 86_400_000, tag: "9999_fails_halfway" });
    await writeFile(journalFile, JSON.stringify(journal, null, 2));
    await writeFile(
      path.join(folder, "9999_fails_halfway.sql"),
      [
        "CREATE TABLE half_done (id integer PRIMARY KEY);",
        "ALTER TABLE training_sessions ADD COLUMN half_done integer;",
        "UPDATE users SET name = 'overwritten';",
        "DELETE FROM weekly_availability;",
        "SELECT 1 / 0;",
      ].join("\n--> statement-breakpoint\n"),
    );
  });

  it("on a database in use: schema and every row stay as they were, and it fails the same way again", async () => {
    const handle = await createMigratedTestDatabase();
    try {
      const coach = await addPerson(handle.db, "coach", { name: "Unchanged" });
      await addWeeklyRules(handle.db, coach.id, ALL_WEEK);
      const schemaBefore = await describeSchema(handle);
      const contentsBefore = await databaseContents(handle);

      for (let attempt = 0; attempt < 2; attempt += 1) {
        await expect(migrateDatabase(handle, folder)).rejects.toThrow();
        expect(await describeSchema(handle)).toEqual(schemaBefore);
        expect(await databaseContents(handle)).toEqual(contentsBefore);
      }
      // …and the real migrations still find nothing to do.
      await migrateDatabase(handle);
      expect(await databaseContents(handle)).toEqual(contentsBefore);
    } finally {
      await handle.close();
    }
  });

  it("on an empty database (every migration pending): nothing at all is applied", async () => {
    const handle = await createTestDatabase();
    try {
      await expect(migrateDatabase(handle, folder)).rejects.toThrow();
      // drizzle creates its bookkeeping table before the transaction: it stays, empty.
      const tables = await handle.db.execute(sql`
        SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN ('public', 'drizzle')`);
      expect(tables.rows).toEqual([{ table_schema: "drizzle", table_name: "__drizzle_migrations" }]);
      const applied = await handle.db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
      expect(Number(applied.rows[0]!.n)).toBe(0);
      const types = await handle.db.execute(sql`SELECT typname FROM pg_type WHERE typnamespace = 'public'::regnamespace`);
      expect(types.rows).toEqual([]);
      // The good migrations then apply whole.
      await migrateDatabase(handle);
      expect(await checkInvariants(handle.db)).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
