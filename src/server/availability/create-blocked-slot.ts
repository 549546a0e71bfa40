// A coach (or the owner) blocks time off: no free slots there, and the
// generator records occurrences inside it as `blocked` conflicts. Future
// scheduled sessions it overlaps are reported as `affected`; with
// `cancelAffected: true` they are cancelled in the same transaction (reason:
// the slot's own, else "Coach time off"), otherwise they are kept. At most
// 366 days long, ending in the future.
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertActsForCoach, assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { blockedSlots } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { requireCoach } from "../coaches/find-coach";
import { recordId } from "../fields";
import { assertInstantInBookingWindow } from "../studio-settings/booking-window";
import { parseInput } from "../validation";
import { TIME_OFF_REASON, sessionsOverlapping, settleAffectedSessions, type Settled } from "./affected-sessions";
import { lockCoachCalendar } from "./coach-calendar";
import { cancelAffectedFlag, timeWindowBody } from "./inputs";
import { toTimeWindowView, type BlockedSlotView } from "./window-views";

export const MAX_BLOCKED_SLOT_DAYS = 366;

/** The POST body. */
export const createBlockedSlotBody = timeWindowBody(MAX_BLOCKED_SLOT_DAYS).extend({ cancelAffected: cancelAffectedFlag });

export const createBlockedSlotInput = createBlockedSlotBody.extend({ coachId: recordId });

export type CreateBlockedSlotInput = z.input<typeof createBlockedSlotInput>;

export interface CreateBlockedSlotResult extends Settled {
  blockedSlot: BlockedSlotView;
}

export async function createBlockedSlot(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: CreateBlockedSlotInput;
  now?: Date;
}): Promise<CreateBlockedSlotResult> {
  const { db } = options;
  const { input, coach, now } = await checkBlockedSlot(options);
  const reason = input.reason || null;

  return db.transaction(async (tx) => {
    await lockCoachCalendar(tx, coach.id);
    const [row] = await tx
      .insert(blockedSlots)
      .values({ coachId: coach.id, startsAt: input.startsAt, endsAt: input.endsAt, reason })
      .returning();
    const overlapped = await sessionsOverlapping(tx, {
      coachId: coach.id,
      zone: coach.timezone,
      after: now,
      overlapping: { startsAt: input.startsAt, endsAt: input.endsAt },
    });
    const settled = await settleAffectedSessions(tx, {
      ids: overlapped,
      cancel: input.cancelAffected ?? false,
      reason: reason ?? TIME_OFF_REASON,
      now,
      // checkBlockedSlot() has checked the actor's permission.
      actor: options.actor!,
      cause: "time_off",
    });
    return { blockedSlot: toTimeWindowView(row!), ...settled };
  });
}

/**
 * The checks a blocked slot passes before anything is written: who may, the
 * input, the coach, an end in the future. Shared with previewBlockedSlot, so
 * a preview refuses exactly what creating would.
 */
export async function checkBlockedSlot(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: CreateBlockedSlotInput;
  now?: Date;
}) {
  const { actor, db } = options;
  assertCan(actor, "availability:manage");
  const input = parseInput(createBlockedSlotInput, options.input);
  assertActsForCoach(actor, input.coachId, "availability:manage");
  const coach = await requireCoach(db, input.coachId);
  const now = options.now ?? new Date();
  if (input.endsAt.getTime() <= now.getTime()) {
    throw new AppError("invalid_input", "The blocked slot is already over", { endsAt: "Must be in the future" });
  }
  await assertInstantInBookingWindow(db, { field: "startsAt", at: input.startsAt, now });
  return { input, coach, now };
}
