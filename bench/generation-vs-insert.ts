// Session generation against the database's own limit, on the PostgreSQL
// server named by DATABASE_URL (a database of its own, dropped afterwards):
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/generation-vs-insert.ts [series=10000]
// N weekly series over 500 coaches in four zones (hours 06–22 every day), one
// member each, 6 weeks from 2027-03-01. Prints, from one run:
//  - the first generation, the idempotent second one, and the next day's;
//  - a hand-written INSERT … SELECT of the very same rows into the same
//    (emptied) table, and the generation again on that same table state —
//    their ratio is the figure that matters (issue 5 targets ≤ 1.3).
// A first measurement tool; issue 5 builds the full harness in bench/.
import { Client } from "pg";
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { generateSessions } from "@/server/sessions/generate-sessions";

const COACHES = 500;

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("Set DATABASE_URL to a PostgreSQL server: this measures PostgreSQL.");
  const series = Number(process.argv[2] ?? 10_000);
  if (!Number.isInteger(series) || series < 1) throw new Error(`series: a whole number (got "${process.argv[2]}")`);

  const name = `coachbook_bench_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  try {
    await migrateDatabase(handle);
    const db = handle.db;
    await db.execute(
      sql.raw(`
      INSERT INTO users (id, email, name, role) SELECT 'c'||i, 'c'||i||'@bench', 'Coach '||i, 'coach' FROM generate_series(1, ${COACHES}) i;
      INSERT INTO coach_settings (coach_id, timezone)
        SELECT 'c'||i, (ARRAY['Europe/Paris','America/New_York','Asia/Kolkata','UTC'])[1 + i % 4] FROM generate_series(1, ${COACHES}) i;
      INSERT INTO weekly_availability (coach_id, day_of_week, start_time, end_time)
        SELECT 'c'||i, d, '06:00', '22:00' FROM generate_series(1, ${COACHES}) i, generate_series(0, 6) d;
      INSERT INTO users (id, email, name, role) SELECT 'm'||i, 'm'||i||'@bench', 'Member '||i, 'member' FROM generate_series(1, ${series}) i;
      -- series k: coach 1 + k mod 500, day (k / 500) mod 7, hour 6 + (k / 3500) mod 16: no two overlap.
      INSERT INTO recurring_bookings (member_id, coach_id, day_of_week, start_time, end_time, start_date)
        SELECT 'm'||k, 'c'||(1 + k % ${COACHES}), (k / ${COACHES}) % 7,
               lpad((6 + (k / ${COACHES * 7}) % 16)::text, 2, '0') || ':00',
               lpad((7 + (k / ${COACHES * 7}) % 16)::text, 2, '0') || ':00',
               DATE '2027-03-01'
        FROM generate_series(1, ${series}) k;
      ANALYZE;`),
    );
    const now = new Date("2027-03-01T00:00:00Z");
    const run = (at: Date) => generateSessions(db, { weeksAhead: 6, now: at, trigger: "cli" });

    const first = await run(now);
    const second = await run(now);
    const nextDay = await run(new Date("2027-03-02T00:00:00Z"));
    console.log(`series ${series}, coaches ${COACHES}, 6 weeks`);
    console.log(`first run         ${first.created} sessions in ${first.durationMs} ms`);
    console.log(`second run        ${second.created} sessions in ${second.durationMs} ms (${pct(second.durationMs, first.durationMs)} of the first)`);
    console.log(`next day          ${nextDay.created} created, ${nextDay.completed} completed in ${nextDay.durationMs} ms`);

    // The same rows as the first run, by hand, into the same emptied table.
    await db.execute(sql`CREATE TABLE bench_rows AS
      SELECT coach_id, member_id, recurring_booking_id, starts_at, ends_at FROM training_sessions WHERE starts_at < ${new Date(now.getTime() + 42 * 86_400_000).toISOString()}::timestamptz`);
    const empty = async () => {
      await db.execute(sql`DELETE FROM training_sessions`);
      await db.execute(sql`VACUUM training_sessions`);
    };
    await empty();
    const started = performance.now();
    await db.execute(sql`INSERT INTO training_sessions (coach_id, member_id, recurring_booking_id, starts_at, ends_at) SELECT * FROM bench_rows`);
    const baselineMs = Math.round(performance.now() - started);
    await empty();
    const again = await run(now);
    console.log(`INSERT … SELECT   same rows in ${baselineMs} ms`);
    console.log(`generation again  ${again.created} sessions in ${again.durationMs} ms: ratio ${(again.durationMs / baselineMs).toFixed(2)}`);
  } finally {
    await handle.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

function pct(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)} %`;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
