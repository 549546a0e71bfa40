// Before a coach (or the owner) blocks time off: the future scheduled
// sessions it would overlap, so the person can choose to keep or cancel them
// (createBlockedSlot's `cancelAffected`). Writes nothing. The same checks
// and the same definition of "overlapped" as createBlockedSlot, so what the
// preview lists is what creating the slot reports — unless a booking lands
// in between, which createBlockedSlot then reports in its own answer.
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import { trainingSessions } from "@/db/schema";
import { inArray } from "drizzle-orm";
import { selectSessionViews, type SessionView } from "../sessions/session-view";
import { sessionsOverlapping } from "./affected-sessions";
import { checkBlockedSlot, type CreateBlockedSlotInput } from "./create-blocked-slot";

export interface BlockedSlotPreview {
  /** The future scheduled sessions the time off would overlap, in start order. */
  affected: SessionView[];
}

export async function previewBlockedSlot(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: CreateBlockedSlotInput;
  now?: Date;
}): Promise<BlockedSlotPreview> {
  const { input, coach, now } = await checkBlockedSlot(options);
  const ids = await sessionsOverlapping(options.db, {
    coachId: coach.id,
    zone: coach.timezone,
    after: now,
    overlapping: { startsAt: input.startsAt, endsAt: input.endsAt },
  });
  return { affected: ids.length === 0 ? [] : await selectSessionViews(options.db, inArray(trainingSessions.id, ids)) };
}
