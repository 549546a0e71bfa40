// The live calendar: the sessions that invariant 1's exclusion constraints
// cover (drizzle/0003, keyed as drizzle/0005 keys them): scheduled ones, and
// no-shows. A completed session has ended, and nothing is booked or
// generated in the past, so a query about time that can still be booked
// asks only these. Written exactly as the constraints write them, so their
// GiST indexes serve every "what overlaps this?" query.
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/** training_sessions or an alias of it (alias(trainingSessions, "t")): the columns read here. */
export interface SessionColumns {
  status: AnyPgColumn;
  startsAt: AnyPgColumn;
  endsAt: AnyPgColumn;
  coachId: AnyPgColumn;
  memberId: AnyPgColumn;
}

/** Session `t` is on the live calendar. */
export const onLiveCalendar = (t: SessionColumns): SQL => sql`${t.status} IN ('scheduled', 'no_show')`;

/** The `[starts_at, ends_at)` range of session `t`, as the constraints index it. */
export const sessionRange = (t: SessionColumns): SQL => sql`tstzrange(${t.startsAt}, ${t.endsAt}, '[)')`;

/**
 * Session `t` is `party`'s (its coach_id or member_id is `id`), written
 * as the exclusion constraints key it: the hash of the id first, then the id
 * (drizzle/0005). Without the hash the GiST index cannot narrow to one coach.
 */
export const sessionOf = (t: SessionColumns, party: "coachId" | "memberId", id: SQLWrapper): SQL => {
  const column = t[party];
  return sql`hashtext(${column}) = hashtext(${id}) AND ${column} = ${id}`;
};
