// A coach (or the owner) adds a one-off window of availability, e.g. an
// extra Saturday morning. Additive: the day's weekly rules still hold, and
// free time is rules ∪ additions. Instants with an offset, endsAt after
// startsAt, at most 14 days long, ending in the future.
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertActsForCoach, assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { availabilityAdditions } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { requireCoach } from "../coaches/find-coach";
import { recordId } from "../fields";
import { assertInstantInBookingWindow } from "../studio-settings/booking-window";
import { parseInput } from "../validation";
import { timeWindowBody } from "./inputs";
import { toTimeWindowView, type AvailabilityAdditionView } from "./window-views";

export const MAX_ADDITION_DAYS = 14;

/** The POST body. */
export const createAvailabilityAdditionBody = timeWindowBody(MAX_ADDITION_DAYS);

export const createAvailabilityAdditionInput = createAvailabilityAdditionBody.extend({ coachId: recordId });

export type CreateAvailabilityAdditionInput = z.input<typeof createAvailabilityAdditionInput>;

export async function createAvailabilityAddition(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: CreateAvailabilityAdditionInput;
  now?: Date;
}): Promise<AvailabilityAdditionView> {
  const { actor, db } = options;
  assertCan(actor, "availability:manage");
  const input = parseInput(createAvailabilityAdditionInput, options.input);
  assertActsForCoach(actor, input.coachId, "availability:manage");
  const coach = await requireCoach(db, input.coachId);
  const now = options.now ?? new Date();
  if (input.endsAt.getTime() <= now.getTime()) {
    throw new AppError("invalid_input", "The addition is already over", { endsAt: "Must be in the future" });
  }
  await assertInstantInBookingWindow(db, { field: "startsAt", at: input.startsAt, now });

  const [row] = await db
    .insert(availabilityAdditions)
    .values({ coachId: coach.id, startsAt: input.startsAt, endsAt: input.endsAt, reason: input.reason || null })
    .returning();
  return toTimeWindowView(row!);
}
