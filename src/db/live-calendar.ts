// The live calendar: the sessions that invariant 1's exclusion constraints
// cover (drizzle/0003): scheduled ones, and no-shows. A completed session has
// ended, and nothing is booked or generated in the past, so a query about
// time that can still be booked asks only these. Written exactly as the
// constraints write them, so their GiST indexes serve every "what overlaps
// this?" query.
import { sql, type SQL } from "drizzle-orm";

/** `alias` is a session on the live calendar. */
export const onLiveCalendar = (alias: string): SQL => sql.raw(`${alias}.status IN ('scheduled', 'no_show')`);

/** The `[starts_at, ends_at)` range of session `alias`, as the constraints index it. */
export const sessionRange = (alias: string): SQL => sql.raw(`tstzrange(${alias}.starts_at, ${alias}.ends_at, '[)')`);
