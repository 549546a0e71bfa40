// Whether one concrete time [startsAt, endsAt) is open in a coach's
// availability: not inside a blocked slot, and wholly inside their rules ∪
// additions (coveredByAvailability, the generator's own definition). Used
// where a single session is placed by hand: a one-time booking, a conflict
// retried. Whether the calendars are free is left to the exclusion
// constraints at insert time.
import { sql } from "drizzle-orm";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { blockedSlots } from "@/db/schema";
import { alias } from "drizzle-orm/pg-core";
import { coveredByAvailability } from "./availability-sql";

const b = alias(blockedSlots, "b");

export async function availabilityProblem(
  db: DatabaseOrTransaction,
  time: { coachId: string; zone: string; startsAt: Date; endsAt: Date },
): Promise<"blocked" | "outside_availability" | null> {
  const startsAt = sql`${time.startsAt.toISOString()}::timestamptz`;
  const endsAt = sql`${time.endsAt.toISOString()}::timestamptz`;
  const coachId = sql`${time.coachId}::text`;
  const zone = sql`${time.zone}::text`;
  const [fit] = await selectRows<{ blocked: boolean; covered: boolean }>(
    db,
    sql`SELECT
      EXISTS (SELECT 1 FROM ${blockedSlots} ${b}
              WHERE ${b.coachId} = ${coachId} AND ${b.startsAt} < ${endsAt} AND ${b.endsAt} > ${startsAt}) AS blocked,
      ${coveredByAvailability({
        coachId,
        localDate: sql`(${startsAt} AT TIME ZONE ${zone})::date`,
        zone,
        startsAt,
        endsAt,
      })} AS covered`,
  );
  if (fit!.blocked) return "blocked";
  if (!fit!.covered) return "outside_availability";
  return null;
}
