// Every row of every table of a database, for tests that must show that
// something changed nothing, or that a restore brought back exactly what was
// saved: each public table's rows as canonical JSON text, in a stable order,
// plus drizzle's migrations table (null when it does not exist).
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";

export async function databaseContents(handle: DatabaseHandle) {
  const tables = await handle.db.execute(sql`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`);
  const contents: Record<string, string[] | null> = {};
  for (const { table_name } of tables.rows) {
    contents[String(table_name)] = await rowsOf(handle, sql`${sql.identifier(String(table_name))}`);
  }
  const migrationsTable = await handle.db.execute(
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`,
  );
  contents["drizzle.__drizzle_migrations"] = migrationsTable.rows[0]?.present
    ? await rowsOf(handle, sql`drizzle.__drizzle_migrations`)
    : null;
  return contents;
}

async function rowsOf(handle: DatabaseHandle, table: ReturnType<typeof sql>): Promise<string[]> {
  // jsonb text is canonical (key order, spacing), so equal rows compare equal
  // on both engines; ordering by it makes the order independent of storage.
  const result = await handle.db.execute(sql`SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY 1`);
  return result.rows.map((r) => String(r.row));
}
