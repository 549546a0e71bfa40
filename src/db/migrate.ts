// Applies the SQL migrations in drizzle/ with drizzle's own migrators (the
// PGlite one, since drizzle-kit cannot load extensions into PGlite). All
// pending migrations run in one transaction: they apply whole or not at all.
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { readMigrationFiles, type MigrationMeta } from "drizzle-orm/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { DatabaseHandle } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

/** `migrationsFolder`: drizzle/ unless a test applies a folder of its own (e.g. one that fails halfway). */
export async function migrateDatabase(handle: DatabaseHandle, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  const config = { migrationsFolder };
  if (handle.kind === "pglite") {
    await migratePglite(handle.db, config);
  } else {
    await migratePostgres(handle.db, config);
  }
}

/** One migration file as drizzle's migrator reads it, with its journal tag. */
export interface Migration extends MigrationMeta {
  tag: string;
}

/** Every migration in the folder, in journal order. */
export function readMigrations(migrationsFolder = MIGRATIONS_FOLDER): Migration[] {
  const metas = readMigrationFiles({ migrationsFolder });
  // readMigrationFiles keeps the journal's order but drops the tags.
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  return metas.map((meta, index) => ({ ...meta, tag: journalTag(journal.entries, index) }));
}

/**
 * The migrations migrateDatabase would apply now, decided as drizzle's
 * migrator (pg-core dialect) decides: every file whose journal time is later
 * than the created_at of the newest row in drizzle.__drizzle_migrations, or
 * every file when that table is missing or empty. Reads only: the table is
 * not created here.
 */
export async function pendingMigrations(
  handle: DatabaseHandle,
  migrationsFolder = MIGRATIONS_FOLDER,
): Promise<Migration[]> {
  const migrations = readMigrations(migrationsFolder);
  const table = await handle.db.execute(sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`);
  if (!table.rows[0]?.present) return migrations;
  const last = await handle.db.execute(
    sql`SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1`,
  );
  const lastRow = last.rows[0];
  if (!lastRow) return migrations;
  const lastMillis = Number(lastRow.created_at);
  return migrations.filter((migration) => lastMillis < migration.folderMillis);
}

/**
 * The message a person should read for a failed migration: drizzle wraps the
 * database error in "Failed query: <the whole statement>", so this unwraps it
 * and keeps the database's own message (with its DETAIL and HINT, if any).
 */
export function databaseErrorMessage(error: unknown): string {
  let root: unknown = error;
  while (root instanceof Error && root.cause instanceof Error) root = root.cause;
  if (!(root instanceof Error)) return String(root);
  const { detail, hint } = root as Error & { detail?: string; hint?: string };
  return [root.message, detail && `DETAIL: ${detail}`, hint && `HINT: ${hint}`].filter(Boolean).join("\n");
}

function journalTag(entries: { tag: string }[], index: number): string {
  const entry = entries[index];
  if (!entry) throw new Error(`drizzle/meta/_journal.json has no entry ${index}: the journal and the migration files disagree`);
  return entry.tag;
}
