// Decide what becomes of an open generation conflict:
//  - "dismiss": the occurrence stays skipped; the conflict is resolved with
//    resolution "dismissed" (": <note>" appended when given).
//  - "retry": place the occurrence now as a scheduled session. When it fits
//    (not blocked, inside the coach's availability, both calendars free) the
//    session is created and the conflict resolved as "placed", in one
//    transaction. When it still does not fit: 409 naming the reason, and
//    nothing changes (the conflict stays open).
//
// Who: the conflict's coach or the owner (a member's role: 403); another
// coach's conflict is 404, like a missing id. Already resolved: 409.
//
// Overlaps are decided by the exclusion constraints themselves (SQLSTATE
// 23P01), not by a prior SELECT, so a booking committed a moment earlier can
// never be double-booked. The generator's advisory lock is held while
// placing, so a retry never races a generation batch or the cancellation of
// its series.
import { CONFLICT_REASON_TEXT } from "@/domain/conflict-reason";
import { z } from "zod";
import { and, eq } from "drizzle-orm";
import type { Actor } from "@/auth/actor";
import { assertCan, isInBookingScope } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { UNIQUE_VIOLATION, hasPostgresCode, overlapReason } from "@/db/errors";
import { recurringBookings, sessionConflicts, trainingSessions, type ConflictReason } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { availabilityProblem } from "../availability/availability-problem";
import { findCoach } from "../coaches/find-coach";
import { businessTimeZone } from "../config";
import { freeText, recordId } from "../fields";
import { LOCK_GENERATION } from "../sessions/generate-sessions";
import { insertSession } from "../sessions/insert-session";
import { selectSessionViews, type SessionView } from "../sessions/session-view";
import { enqueueConflictResolved } from "../messages/conflict-messages";
import { parseInput } from "../validation";
import { selectConflictViews, type ConflictView } from "./conflict-view";

/** The POST body. */
export const resolveConflictBody = z.strictObject({
  action: z.enum(["dismiss", "retry"]),
  note: freeText.optional(),
});

export const resolveConflictInput = resolveConflictBody.extend({ id: recordId });

export type ResolveConflictInput = z.input<typeof resolveConflictInput>;

export interface ResolveConflictResult {
  conflict: ConflictView;
  /** The session a successful retry placed; null on dismiss. */
  session: SessionView | null;
}

export async function resolveConflict(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: ResolveConflictInput;
  now?: Date;
}): Promise<ResolveConflictResult> {
  const { actor } = options;
  assertCan(actor, "conflicts:manage");
  const input = parseInput(resolveConflictInput, options.input);
  const now = options.now ?? new Date();

  return options.db.transaction(async (tx) => {
    if (input.action === "retry") await tx.execute(LOCK_GENERATION);

    const [conflict] = await tx
      .select({
        id: sessionConflicts.id,
        coachId: sessionConflicts.coachId,
        memberId: sessionConflicts.memberId,
        recurringBookingId: sessionConflicts.recurringBookingId,
        startsAt: sessionConflicts.startsAt,
        endsAt: sessionConflicts.endsAt,
        status: sessionConflicts.status,
        resolution: sessionConflicts.resolution,
        seriesStatus: recurringBookings.status,
        title: recurringBookings.title,
        capacity: recurringBookings.capacity,
      })
      .from(sessionConflicts)
      .innerJoin(recurringBookings, eq(recurringBookings.id, sessionConflicts.recurringBookingId))
      .where(eq(sessionConflicts.id, input.id))
      .for("update", { of: sessionConflicts });
    if (!conflict || !isInBookingScope(actor, conflict)) {
      throw new AppError("not_found", `No conflict with id ${input.id}`);
    }
    if (conflict.status !== "open") {
      throw new AppError("conflict", `The conflict is already resolved (${conflict.resolution ?? "no resolution"})`);
    }

    let session: SessionView | null = null;
    let resolution = "dismissed";
    if (input.action === "retry") {
      session = await place(tx, conflict, now);
      resolution = "placed";
    }
    if (input.note) resolution += `: ${input.note}`;

    await tx
      .update(sessionConflicts)
      .set({ status: "resolved", resolution, resolvedAt: now })
      .where(and(eq(sessionConflicts.id, conflict.id), eq(sessionConflicts.status, "open")));

    await enqueueConflictResolved(tx, conflict.id, session?.id ?? null);
    const [view] = await selectConflictViews(tx, eq(sessionConflicts.id, conflict.id));
    return { conflict: view!, session };
  });
}

interface OpenConflict {
  coachId: string;
  /** NULL for an occurrence of a class series. */
  memberId: string | null;
  title: string | null;
  capacity: number | null;
  recurringBookingId: string;
  startsAt: Date;
  endsAt: Date;
  seriesStatus: string;
}

/** Creates the occurrence's session, or throws 409 saying why it still does not fit. */
async function place(tx: DatabaseOrTransaction, conflict: OpenConflict, now: Date): Promise<SessionView> {
  const startsAt = new Date(conflict.startsAt);
  const endsAt = new Date(conflict.endsAt);
  if (conflict.seriesStatus !== "active") {
    throw new AppError("conflict", "The series was cancelled: dismiss this conflict instead");
  }
  if (startsAt.getTime() <= now.getTime()) {
    throw new AppError(
      "conflict",
      `The occurrence started at ${startsAt.toISOString()}, it can no longer be placed: dismiss it instead`,
    );
  }

  const coach = await findCoach(tx, conflict.coachId);
  const problem = await availabilityProblem(tx, {
    coachId: conflict.coachId,
    zone: coach?.timezone ?? businessTimeZone(),
    startsAt,
    endsAt,
  });
  // A class is the coach's own time: only time off stands in its way, not the hours members book in.
  if (problem && !(conflict.memberId === null && problem === "outside_availability")) throw stillConflicting(problem);

  let id: string;
  try {
    id = await insertSession(tx, {
      coachId: conflict.coachId,
      memberId: conflict.memberId,
      recurringBookingId: conflict.recurringBookingId,
      startsAt,
      endsAt,
      ...(conflict.capacity === null ? {} : { type: "GROUP" as const, title: conflict.title, capacity: conflict.capacity }),
    });
  } catch (error) {
    const busy = overlapReason(error);
    if (busy) throw stillConflicting(busy);
    if (hasPostgresCode(error, UNIQUE_VIOLATION)) {
      throw new AppError("conflict", "This occurrence already has a session: dismiss the conflict instead");
    }
    throw error;
  }
  const [view] = await selectSessionViews(tx, eq(trainingSessions.id, id));
  return view!;
}

function stillConflicting(reason: ConflictReason): AppError {
  return new AppError("conflict", `The occurrence still does not fit (${reason}): ${CONFLICT_REASON_TEXT[reason]}`);
}
