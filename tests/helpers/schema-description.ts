// A comparable description of a database's public schema, read from the
// catalogs: columns, constraints (with names and definitions), indexes and
// enums. Two databases with equal descriptions have the same schema.
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";

export async function describeSchema(handle: DatabaseHandle) {
  const columns = await handle.db.execute(sql`
    SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, column_default
    FROM information_schema.columns WHERE table_schema = 'public'
    ORDER BY table_name, column_name`);
  const constraints = await handle.db.execute(sql`
    SELECT conrelid::regclass::text AS table_name, conname AS name, contype AS type,
           pg_get_constraintdef(oid) AS definition
    FROM pg_constraint
    -- PostgreSQL 18 (PGlite) also lists NOT NULL as constraints, named after
    -- the column's first name; nullability is compared through the columns.
    WHERE connamespace = 'public'::regnamespace AND contype <> 'n'
    ORDER BY 1, 2`);
  const indexes = await handle.db.execute(sql`
    SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
    ORDER BY tablename, indexname`);
  const enums = await handle.db.execute(sql`
    SELECT t.typname AS name, array_to_string(array_agg(e.enumlabel ORDER BY e.enumsortorder), ',') AS labels
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE t.typnamespace = 'public'::regnamespace
    GROUP BY t.typname ORDER BY t.typname`);
  return {
    columns: columns.rows,
    constraints: constraints.rows,
    indexes: indexes.rows,
    enums: enums.rows,
  };
}

export type SchemaDescription = Awaited<ReturnType<typeof describeSchema>>;
