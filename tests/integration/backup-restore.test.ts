// db:backup / db:restore on the engine under test (PGlite in a temporary data
// directory, or a fresh database on the server named by DATABASE_URL): a
// restore brings back exactly what was backed up, every row of every table and
// the schema, and a restore that cannot succeed leaves the database as it was.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { Client } from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { backupDatabase, restoreDatabase } from "@/db/backup";
import { openDatabase, type DatabaseHandle, type DatabaseLocation } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { databaseContents } from "../helpers/database-contents";
import { describeSchema } from "../helpers/schema-description";
import { v1SchemaSql } from "../helpers/v1-schema";

const serverUrl = process.env.DATABASE_URL;
const databaseName = `coachbook_backup_${randomBytes(6).toString("hex")}`;
let workDir: string;
let location: DatabaseLocation;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "coachbook-backup-"));
  if (serverUrl) {
    await serverQuery(`CREATE DATABASE ${databaseName}`);
    const url = new URL(serverUrl);
    url.pathname = `/${databaseName}`;
    location = { kind: "postgres", databaseUrl: url.toString() };
  } else {
    location = { kind: "pglite", dataDir: path.join(workDir, "pglite") };
  }
  await withDatabase(async (handle) => {
    await migrateDatabase(handle);
    await handle.exec(`
      INSERT INTO users (id, email, name, role) VALUES
        ('u-owner', 'owner@example.com', 'Olivia Owner', 'owner'),
        ('u-coach', 'coach@example.com', 'Carl Coach', 'coach'),
        ('u-member', 'member@example.com', 'Mia Member', 'member');
      INSERT INTO coach_settings (id, coach_id, timezone) VALUES ('cs1', 'u-coach', 'Europe/Berlin');
      INSERT INTO locations (id, name) VALUES ('l1', 'Studio');
      INSERT INTO rooms (id, location_id, name) VALUES ('r1', 'l1', 'Room 1');
      INSERT INTO weekly_availability (id, coach_id, day_of_week, start_time, end_time) VALUES
        ('wa1', 'u-coach', 2, '09:00', '12:00');
      INSERT INTO training_sessions (id, coach_id, member_id, room_id, title, starts_at, ends_at, status) VALUES
        ('s1', 'u-coach', 'u-member', 'r1', 'Strength', '2026-01-06 09:00+01', '2026-01-06 10:00+01', 'completed'),
        ('s2', 'u-coach', 'u-member', 'r1', 'Strength', '2026-01-13 09:00+01', '2026-01-13 10:00+01', 'scheduled');`);
  });
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
  if (serverUrl) await serverQuery(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
});

async function serverQuery(text: string): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

/** Opens the database under test for one step; PGlite allows one open instance at a time. */
async function withDatabase<T>(step: (handle: DatabaseHandle) => Promise<T>, dataDir?: string): Promise<T> {
  const handle =
    location.kind === "postgres"
      ? await openDatabase({ databaseUrl: location.databaseUrl })
      : await openDatabase({ databaseUrl: "", pgliteDataDir: dataDir ?? location.dataDir });
  try {
    return await step(handle);
  } finally {
    await handle.close();
  }
}

function state(dataDir?: string) {
  return withDatabase(
    async (handle) => ({ schema: await describeSchema(handle), contents: await databaseContents(handle) }),
    dataDir,
  );
}

const CHANGES = `
  DELETE FROM training_sessions WHERE id = 's2';
  INSERT INTO users (id, email, name, role) VALUES ('u-late', 'late@example.com', 'Added After Backup', 'member');
  UPDATE users SET name = 'Carla Coach' WHERE id = 'u-coach';`;

it("restores exactly what was backed up: every row of every table, and the schema", async () => {
  const saved = await state();
  expect(saved.contents.training_sessions).toHaveLength(2);
  expect(saved.contents["drizzle.__drizzle_migrations"]?.length).toBeGreaterThan(0);

  const extension = location.kind === "postgres" ? "sql" : "tar.gz";
  const backup = await backupDatabase(location, { outFile: path.join(workDir, `backup.${extension}`) });
  expect(backup).toMatchObject({ kind: location.kind, file: path.join(workDir, `backup.${extension}`) });
  expect(backup.bytes).toBeGreaterThan(0);
  expect(existsSync(`${backup.file}.partial`)).toBe(false);

  await withDatabase((handle) => handle.exec(CHANGES));
  const changed = await state();
  expect(changed.contents).not.toEqual(saved.contents);

  const result = await restoreDatabase(location, backup.file);
  expect(await state()).toEqual(saved);

  if (result.kind === "pglite" && location.kind === "pglite") {
    // The directory as it was before the restore is kept beside it, untouched.
    expect(result.dataDir).toBe(path.resolve(location.dataDir));
    expect(result.previousDataDir).toMatch(/pglite\.before-restore-\d{8}T\d{6}Z$/);
    expect(await state(result.previousDataDir ?? undefined)).toEqual(changed);
    expect((await readdir(workDir)).filter((name) => name.includes(".restoring-"))).toEqual([]);
  }
});

it("refuses a missing or corrupt backup and leaves the database as it was", async () => {
  // A good backup of different data, to corrupt below.
  const good = location.kind === "postgres" ? await backupDatabase(location, { outFile: path.join(workDir, "good.sql") }) : null;
  await withDatabase((handle) => handle.exec(`UPDATE users SET name = 'Changed After Backup' WHERE id = 'u-member'`));
  const before = await state();

  await expect(restoreDatabase(location, path.join(workDir, "no-such-backup"))).rejects.toThrow(
    /Backup file not found: .*no-such-backup\. Nothing was changed\./,
  );

  const garbage = path.join(workDir, "garbage");
  await writeFile(garbage, "this is not a backup\n");
  await expect(restoreDatabase(location, garbage)).rejects.toThrow(
    location.kind === "postgres" ? /not a plain-SQL pg_dump backup/ : /could not be loaded as a PGlite data directory/,
  );

  if (location.kind === "pglite") {
    const notATarball = path.join(workDir, "not-a-tarball.tar.gz");
    await writeFile(notATarball, gzipSync(randomBytes(64 * 1024)));
    await expect(restoreDatabase(location, notATarball)).rejects.toThrow(/could not be loaded as a PGlite data directory/);
    expect((await readdir(workDir)).filter((name) => name.includes(".restoring-"))).toEqual([]);
  }

  if (good) {
    const dump = await readFile(good.file, "utf8");
    const truncated = path.join(workDir, "truncated.sql");
    await writeFile(truncated, dump.slice(0, Math.floor(dump.length / 2)));
    await expect(restoreDatabase(location, truncated)).rejects.toThrow(/is incomplete/);

    // Fails near the end, after every table was dropped and recreated: psql's
    // single transaction must undo all of it.
    const footer = dump.lastIndexOf("--\n-- PostgreSQL database dump complete");
    const failing = path.join(workDir, "failing.sql");
    await writeFile(failing, `${dump.slice(0, footer)}SELECT no_such_function();\n\n${dump.slice(footer)}`);
    await expect(restoreDatabase(location, failing)).rejects.toThrow(
      /rolled back its single transaction[\s\S]*no_such_function/,
    );
  }

  expect(await state()).toEqual(before);
});

it("rolls an upgraded database back to the v1 backup taken before the upgrade", async () => {
  const v1DataSql = await readFile(new URL("../fixtures/v1-data.sql", import.meta.url), "utf8");
  await withDatabase(async (handle) => {
    await handle.exec("DROP SCHEMA drizzle CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    await handle.exec(v1SchemaSql);
    await handle.exec(v1DataSql);
  });
  const v1 = await state();
  const extension = location.kind === "postgres" ? "sql" : "tar.gz";
  const backup = await backupDatabase(location, { outFile: path.join(workDir, `before-upgrade.${extension}`) });

  await withDatabase((handle) => migrateDatabase(handle));
  expect((await state()).schema).not.toEqual(v1.schema);

  await restoreDatabase(location, backup.file);
  expect(await state()).toEqual(v1);
});
