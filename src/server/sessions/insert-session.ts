// Inserting one session where the exclusion constraints give the verdict (a
// one-time booking, a conflict placed by hand): in a savepoint, so that an
// overlap (23P01) can become a 409 while the transaction goes on; and again
// when PostgreSQL ended the insert as a deadlock. Two inserts of overlapping
// sessions each write their index entry, then check: when each finds the
// other's entry it waits for the other's transaction, and PostgreSQL ends
// one of them (40P01). That one, run again, waits for the other to finish
// and gets the verdict it would have had (409, or the time if the other
// rolled back). Seen with 200 members booking one slot at once.
import { trainingSessions } from "@/db/schema";
import type { DatabaseOrTransaction } from "@/db";
import { DEADLOCK_DETECTED, hasPostgresCode } from "@/db/errors";

/** Attempts before a deadlock is given up on (each waits deadlock_timeout, 1 s by default). */
const ATTEMPTS = 5;

export async function insertSession(
  tx: DatabaseOrTransaction,
  values: typeof trainingSessions.$inferInsert,
): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const [row] = await tx.transaction((savepoint) =>
        savepoint.insert(trainingSessions).values(values).returning({ id: trainingSessions.id }),
      );
      return row!.id;
    } catch (error) {
      if (attempt >= ATTEMPTS || !hasPostgresCode(error, DEADLOCK_DETECTED)) throw error;
    }
  }
}
