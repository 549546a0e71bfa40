// The app's database: one handle per server process, opened on first use with
// openDatabase() (DATABASE_URL → PostgreSQL, else PGlite in PGLITE_DIR or
// .data/pglite). Cached on globalThis so Next's dev-mode module reloads reuse
// it: PGlite allows one open handle per data directory. The app never migrates
// on its own; `npm start` migrates before it starts the server.
import { createHash } from "node:crypto";
import { escapeLiteral, Pool } from "pg";
import { Placeholder, type SQL } from "drizzle-orm";
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import { openDatabase, type DatabaseHandle } from "./client";
import { DatabaseUnavailableError } from "./errors";

const cache = globalThis as typeof globalThis & {
  __coachbookDatabase?: Promise<DatabaseHandle>;
};

export function getDatabase(): Promise<DatabaseHandle> {
  if (!cache.__coachbookDatabase) {
    // A failure to open is the database being unavailable (503), not a bug.
    const opening = openDatabase().catch((error: unknown) => {
      throw new DatabaseUnavailableError(error);
    });
    cache.__coachbookDatabase = opening;
    // A failed open (server down, data directory locked) is not cached, so the
    // next request tries again.
    opening.catch(() => {
      if (cache.__coachbookDatabase === opening) cache.__coachbookDatabase = undefined;
    });
  }
  return cache.__coachbookDatabase;
}

/**
 * What use cases take as `db`: a drizzle database or transaction on either
 * engine (PGlite or node-postgres), so one function serves both and can be
 * called inside another's transaction.
 */
export type DatabaseOrTransaction = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

/**
 * Rows of a raw SQL query on either engine. Both drivers answer `{ rows }`;
 * timestamptz values arrive as Date (node-postgres) or text (PGlite), so
 * callers wrap them in `new Date(…)`, which reads both.
 */
export async function selectRows<Row>(db: DatabaseOrTransaction, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/**
 * Whether two queries on `db` can run at the same time: a PostgreSQL pool
 * gives each its own connection. PGlite has one connection, and a
 * transaction is one connection: their queries wait in line.
 */
export function queriesRunConcurrently(db: DatabaseOrTransaction): boolean {
  return poolOf(db) !== undefined;
}

/** The node-postgres pool behind `db`, when it is a PostgreSQL database (not PGlite, not a transaction). */
export function poolOf(db: DatabaseOrTransaction): Pool | undefined {
  return "$client" in db && db.$client instanceof Pool ? db.$client : undefined;
}

/**
 * `query` as a function of its placeholders' values that answers SQL text
 * with the values inlined as escaped literals (pg's escapeLiteral). For the
 * one place that needs it: several statements sent in one simple-protocol
 * round trip, which takes no parameters. The text is built once.
 */
export function inlinedSql(query: SQL): (values: Record<string, string>) => string {
  const { sql: text, params } = dialect.sqlToQuery(query);
  // A placeholder is filled per call; a constant of the query (a number, a string) is inlined once.
  const parts = params.map((param): { name: string } | { literal: string } => {
    if (param instanceof Placeholder) return { name: param.name };
    if (typeof param === "number" && Number.isFinite(param)) return { literal: String(param) };
    if (typeof param === "string") return { literal: escapeLiteral(param) };
    throw new Error(`inlinedSql: cannot inline ${typeof param}`);
  });
  return (values) =>
    text.replace(/\$(\d+)/g, (_, index: string) => {
      const part = parts[Number(index) - 1]!;
      if ("literal" in part) return part.literal;
      const value = values[part.name];
      if (value === undefined) throw new Error(`inlinedSql: no value for ${part.name}`);
      return escapeLiteral(value);
    });
}

/**
 * Rows of the last statement of `text`: several statements sent in one
 * simple-protocol round trip to a node-postgres pool (inlinedSql() writes
 * them), which answers one result per statement.
 */
export async function lastStatementRows<Row>(pool: Pool, text: string): Promise<Row[]> {
  const results = (await pool.query(text)) as unknown as Array<{ rows: Row[] }>;
  return results.at(-1)!.rows;
}

const dialect = new PgDialect();
const statementNames = new Map<string, string>();

/**
 * selectRows() as a named prepared statement, for a hot query whose planning
 * costs more than its execution: on PostgreSQL each pool connection parses
 * it once, and after Postgres's first five (custom) plans it may keep one
 * generic plan instead of planning every call. PGlite ignores the name. The
 * name gets a digest of the text, so a query whose text varies (rather than
 * only its parameters) is a different statement, never a clash.
 */
export async function selectPreparedRows<Row>(db: DatabaseOrTransaction, name: string, query: SQL): Promise<Row[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const prepared = db._.session.prepareQuery({ sql: text, params }, undefined, statementName(name, text), false);
  const result = (await prepared.execute()) as unknown as { rows: Row[] };
  return result.rows;
}

function statementName(name: string, text: string): string {
  let statement = statementNames.get(text);
  if (!statement) {
    statement = `${name}_${createHash("sha256").update(text).digest("hex").slice(0, 12)}`;
    // A handful of texts in practice; the bound only guards against a caller that inlines values.
    if (statementNames.size < 100) statementNames.set(text, statement);
  }
  return statement;
}

/**
 * What `make` returns for a database (or transaction), made on first use and
 * kept with it. For the queries of every request (the session look-up, the
 * calendar version): drizzle otherwise builds a query's SQL text and its
 * prepared-query object on each call, a measurable share of a request's CPU
 * (docs/performance.md).
 * Values go in through sql.placeholder() and execute({ … }).
 */
export function perDatabase<T extends object>(make: (db: DatabaseOrTransaction) => T): (db: DatabaseOrTransaction) => T {
  const made = new WeakMap<DatabaseOrTransaction, T>();
  return (db) => {
    let value = made.get(db);
    if (!value) made.set(db, (value = make(db)));
    return value;
  };
}

/**
 * selectPreparedRows() of a query that differs only by its placeholders'
 * values, built once per database: `rows(db, { name: value })`.
 */
export function preparedSelect<Row>(name: string, query: SQL): (db: DatabaseOrTransaction, values: Record<string, unknown>) => Promise<Row[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const statement = perDatabase((db) => db._.session.prepareQuery({ sql: text, params }, undefined, statementName(name, text), false));
  return async (db, values) => ((await statement(db).execute(values)) as unknown as { rows: Row[] }).rows;
}
