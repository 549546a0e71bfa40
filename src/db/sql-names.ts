// Table and column names in raw SQL, taken from the schema (src/db/schema.ts)
// so that a renamed or mistyped one fails tsc rather than a query at run
// time. In sql`…`, a column renders qualified ("t"."coach_id") and an alias
// alone ("t"): a FROM or JOIN writes `${trainingSessions} ${t}` with
// t = alias(trainingSessions, "t"), rendering "training_sessions" "t".
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/** A column by its bare name: a SET target (PostgreSQL refuses a qualified one there). */
export const columnName = (column: AnyPgColumn): SQL => sql`${sql.identifier(column.name)}`;

/**
 * Columns by their bare names, comma-separated: for an INSERT's column list
 * and SET targets, where PostgreSQL refuses a qualified name, and for the
 * same columns read from a CTE that keeps their names.
 */
export function columnNames(...columns: AnyPgColumn[]): SQL {
  return sql.join(
    columns.map((column) => columnName(column)),
    sql`, `,
  );
}
