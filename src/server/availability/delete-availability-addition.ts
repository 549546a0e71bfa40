// A coach (or the owner) removes one of the coach's availability additions.
// Like a change of weekly rules, this may leave future scheduled sessions
// outside availability: those in the addition's time that no longer fit are
// reported as `affected`, and cancelled in the same transaction only when
// `cancelAffected` is true (decide up front: the addition is gone after). 404 when the addition
// is not this coach's.
import { z } from "zod";
import { and, eq } from "drizzle-orm";
import type { Actor } from "@/auth/actor";
import { assertActsForCoach, assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { availabilityAdditions } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { requireCoach } from "../coaches/find-coach";
import { recordId } from "../fields";
import { parseInput } from "../validation";
import {
  AVAILABILITY_CHANGED_REASON,
  sessionsOutsideAvailability,
  settleAffectedSessions,
  type Settled,
} from "./affected-sessions";
import { lockCoachCalendar } from "./coach-calendar";
import { cancelAffectedFlag } from "./inputs";
import { toTimeWindowView, type AvailabilityAdditionView } from "./window-views";

/** The query string or body: ?cancelAffected=true. */
export const deleteAvailabilityAdditionOptions = z.strictObject({ cancelAffected: cancelAffectedFlag });

export const deleteAvailabilityAdditionInput = deleteAvailabilityAdditionOptions.extend({
  coachId: recordId,
  id: recordId,
});

export type DeleteAvailabilityAdditionInput = z.input<typeof deleteAvailabilityAdditionInput>;

export interface DeleteAvailabilityAdditionResult extends Settled {
  /** The addition as it was. */
  addition: AvailabilityAdditionView;
}

export async function deleteAvailabilityAddition(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: DeleteAvailabilityAdditionInput;
  now?: Date;
}): Promise<DeleteAvailabilityAdditionResult> {
  const { actor, db } = options;
  assertCan(actor, "availability:manage");
  const input = parseInput(deleteAvailabilityAdditionInput, options.input);
  assertActsForCoach(actor, input.coachId, "availability:manage");
  const coach = await requireCoach(db, input.coachId);
  const now = options.now ?? new Date();

  return db.transaction(async (tx) => {
    await lockCoachCalendar(tx, coach.id);
    const [addition] = await tx
      .select()
      .from(availabilityAdditions)
      .where(and(eq(availabilityAdditions.id, input.id), eq(availabilityAdditions.coachId, coach.id)));
    if (!addition) throw new AppError("not_found", `No availability addition with id ${input.id} for this coach`);

    const scope = {
      coachId: coach.id,
      zone: coach.timezone,
      after: now,
      overlapping: { startsAt: new Date(addition.startsAt), endsAt: new Date(addition.endsAt) },
    };
    await tx.delete(availabilityAdditions).where(eq(availabilityAdditions.id, addition.id));
    const settled = await settleAffectedSessions(tx, {
      // Sessions elsewhere are not this deletion's business.
      ids: await sessionsOutsideAvailability(tx, scope),
      cancel: input.cancelAffected ?? false,
      reason: AVAILABILITY_CHANGED_REASON,
      now,
      actor,
      cause: "availability",
    });
    return { addition: toTimeWindowView(addition), ...settled };
  });
}
