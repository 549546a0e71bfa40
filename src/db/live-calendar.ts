// The live calendar: the sessions that invariant 1's exclusion constraints
// cover (drizzle/0003, keyed as drizzle/0005 keys them): scheduled ones, and
// no-shows. A completed session has ended, and nothing is booked or
// generated in the past, so a query about time that can still be booked
// asks only these. Written exactly as the constraints write them, so their
// GiST indexes serve every "what overlaps this?" query.
import { sql, type SQL } from "drizzle-orm";

/** `alias` is a session on the live calendar. */
export const onLiveCalendar = (alias: string): SQL => sql.raw(`${alias}.status IN ('scheduled', 'no_show')`);

/** The `[starts_at, ends_at)` range of session `alias`, as the constraints index it. */
export const sessionRange = (alias: string): SQL => sql.raw(`tstzrange(${alias}.starts_at, ${alias}.ends_at, '[)')`);

/**
 * Session `alias` is `party`'s (its coach_id or member_id is `id`), written
 * as the exclusion constraints key it: the hash of the id first, then the id
 * (drizzle/0005). Without the hash the GiST index cannot narrow to one coach.
 */
export const sessionOf = (alias: string, party: "coach_id" | "member_id", id: SQL): SQL => {
  const column = sql.raw(`${alias}.${party}`);
  return sql`hashtext(${column}) = hashtext(${id}) AND ${column} = ${id}`;
};
