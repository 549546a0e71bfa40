// The mechanics shared by every use case that moves one session along the
// state machine (cancel, no-show): the caller's scope as SQL conditions, and
// — when the race-free `UPDATE … WHERE` touched nothing — the read that
// explains why: 404 when the session is absent or outside the caller's scope
// (never a hint that it exists), 409 with the state machine's reason, or the
// use case's own timing rule.
import { eq, type SQL } from "drizzle-orm";
import type { Actor } from "@/auth/actor";
import { bookingScope, isInBookingScope } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { trainingSessions, type SessionStatus } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { transitionRefusal } from "@/domain/session-status";

/** The sessions the actor may touch: a member their own, a coach theirs, the owner all. */
export function sessionScopeConditions(actor: Actor): SQL[] {
  const scope = bookingScope(actor);
  const conditions: SQL[] = [];
  if (scope.memberId !== undefined) conditions.push(eq(trainingSessions.memberId, scope.memberId));
  if (scope.coachId !== undefined) conditions.push(eq(trainingSessions.coachId, scope.coachId));
  return conditions;
}

/** Why an UPDATE to `target` touched nothing. `timing` adds the use case's own rule (e.g. "not started yet"). */
export async function explainRefusedTransition(
  db: DatabaseOrTransaction,
  actor: Actor,
  id: string,
  target: SessionStatus,
  timing: (session: { status: SessionStatus; startsAt: Date; type: string }) => AppError | undefined,
): Promise<AppError> {
  const [row] = await db
    .select({
      coachId: trainingSessions.coachId,
      memberId: trainingSessions.memberId,
      status: trainingSessions.status,
      startsAt: trainingSessions.startsAt,
      type: trainingSessions.type,
    })
    .from(trainingSessions)
    .where(eq(trainingSessions.id, id));
  if (!row || !isInBookingScope(actor, row)) return new AppError("not_found", `No session with id ${id}`);

  const refusal = transitionRefusal(row.status, target);
  if (refusal) return new AppError("conflict", `${refusal} (status: ${row.status})`);
  const timed = timing({ status: row.status, startsAt: new Date(row.startsAt), type: row.type });
  if (timed) return timed;
  // Changed between the UPDATE and this read: ask the client to look again.
  return new AppError("conflict", "The session changed meanwhile; reload it and try again");
}
