// The sessions an availability change touches, and what happens to them.
// DESIGN.md: changing availability reports the future scheduled sessions that
// no longer fit; the caller chooses to keep them (reported only) or cancel
// them in the same transaction. A member's session is never cancelled
// silently.
//
// "Fits" is coveredByAvailability(), the generator's own definition of
// inside availability, checked after the change: every future scheduled
// session outside it is reported, also one that was already outside before.
// So the natural two steps work — save the new week, read the report, save
// it again with cancelAffected: true — and what gets cancelled is exactly
// what was reported.
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/auth/actor";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { bookings, trainingSessions } from "@/db/schema";
import { alias } from "drizzle-orm/pg-core";
import { enqueueSessionMessages } from "../messages/session-messages";
import { selectSessionViews, type SessionView } from "../sessions/session-view";
import { coveredByAvailability } from "./availability-sql";

/** The cancellation reason when a change of rules or additions leaves a session outside availability. */
export const AVAILABILITY_CHANGED_REASON = "Coach availability changed";
/** The cancellation reason for a blocked slot without a reason of its own. */
export const TIME_OFF_REASON = "Coach time off";

export interface CoachScope {
  coachId: string;
  /** The coach's effective zone. */
  zone: string;
  /** Only sessions that start after this instant. */
  after: Date;
  /** Only sessions overlapping [startsAt, endsAt), when given. */
  overlapping?: { startsAt: Date; endsAt: Date };
}

const t = alias(trainingSessions, "t");

function scheduledOfCoach(scope: CoachScope): SQL {
  const overlap = scope.overlapping
    ? sql`AND ${t.startsAt} < ${scope.overlapping.endsAt.toISOString()}::timestamptz
          AND ${t.endsAt} > ${scope.overlapping.startsAt.toISOString()}::timestamptz`
    : sql``;
  return sql`${t.coachId} = ${scope.coachId} AND ${t.status} = 'scheduled'
    AND ${t.startsAt} > ${scope.after.toISOString()}::timestamptz ${overlap}`;
}

/** Ids of the coach's future scheduled sessions that lie outside their availability now. */
export async function sessionsOutsideAvailability(db: DatabaseOrTransaction, scope: CoachScope): Promise<string[]> {
  const zone = sql`${scope.zone}::text`;
  const rows = await selectRows<{ id: string }>(
    db,
    sql`SELECT ${t.id} FROM ${trainingSessions} ${t}
        WHERE ${scheduledOfCoach(scope)}
          AND NOT ${coveredByAvailability({
            coachId: t.coachId,
            localDate: sql`((${t.startsAt} AT TIME ZONE ${zone})::date)`,
            zone,
            startsAt: t.startsAt,
            endsAt: t.endsAt,
          })}`,
  );
  return rows.map((row) => row.id);
}

/** Ids of the coach's future scheduled sessions overlapping `scope.overlapping`. */
export async function sessionsOverlapping(db: DatabaseOrTransaction, scope: CoachScope): Promise<string[]> {
  const rows = await selectRows<{ id: string }>(db, sql`SELECT ${t.id} FROM ${trainingSessions} ${t} WHERE ${scheduledOfCoach(scope)}`);
  return rows.map((row) => row.id);
}

export interface Settled {
  /** The sessions concerned, as they are after the change (cancelled ones with their reason). */
  affected: SessionView[];
  /** How many of them this change cancelled (0 unless asked). */
  cancelled: number;
}

/**
 * Reports the sessions `ids`, or cancels them first when `cancel` is set: the
 * scheduled ones become cancelled with `reason`, and a one-time booking's row
 * becomes CANCELLED_BY_COACH, as when a coach cancels one session.
 */
export async function settleAffectedSessions(
  tx: DatabaseOrTransaction,
  options: {
    ids: readonly string[];
    cancel: boolean;
    reason: string;
    now: Date;
    /** Who changed the calendar, and what: the cancellation message says both. */
    actor: Pick<Actor, "id" | "name" | "role">;
    cause: "time_off" | "availability";
  },
): Promise<Settled> {
  const ids = [...options.ids];
  if (ids.length === 0) return { affected: [], cancelled: 0 };
  let cancelled = 0;
  if (options.cancel) {
    const rows = await tx
      .update(trainingSessions)
      .set({ status: "cancelled", cancelledAt: options.now, cancellationReason: options.reason, updatedAt: options.now })
      .where(and(inArray(trainingSessions.id, ids), eq(trainingSessions.status, "scheduled")))
      .returning({ id: trainingSessions.id, oneTimeBookingId: trainingSessions.oneTimeBookingId });
    cancelled = rows.length;
    await enqueueSessionMessages(
      tx,
      rows.map((row) => row.id),
      { kind: "session_cancelled", actor: options.actor, cause: options.cause, reason: options.reason },
    );
    const oneTime = rows.flatMap((row) => (row.oneTimeBookingId ? [row.oneTimeBookingId] : []));
    if (oneTime.length > 0) {
      await tx
        .update(bookings)
        .set({ status: "CANCELLED_BY_COACH", cancelledAt: options.now })
        .where(and(inArray(bookings.id, oneTime), inArray(bookings.status, ["CONFIRMED", "WAITLIST"])));
    }
  }
  return { affected: await selectSessionViews(tx, inArray(trainingSessions.id, ids)), cancelled };
}
