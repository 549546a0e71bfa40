// Book one session: it must lie inside the coach's free availability (rules ∪
// additions, no blocked slot) and, for a member, respect the coach's minimum
// notice. The booking row and its session are written in one transaction.
// Whether the time is still free is decided by the exclusion constraints
// when the session is inserted — not by a read-then-write check — so of two
// members racing for one slot exactly one wins and the other gets 409.
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/current-actor";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { onLiveCalendar, sessionOf, sessionRange } from "@/db/live-calendar";
import { overlapReason } from "@/db/errors";
import { bookings, trainingSessions } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { availabilityProblem } from "../availability/availability-problem";
import { shareCoachCalendar } from "../availability/coach-calendar";
import { instant, recordId } from "../fields";
import { insertSession } from "../sessions/insert-session";
import { selectSessionViews, type SessionView } from "../sessions/session-view";
import { assertInstantInBookingWindow } from "../studio-settings/booking-window";
import { parseInput } from "../validation";
import { resolveBookingParties } from "./booking-parties";

const MAX_LENGTH_MS = 8 * 60 * 60 * 1000;

export const createOneTimeBookingInput = z
  .strictObject({
    coachId: recordId,
    /** Only when a coach or the owner books for a member. */
    memberId: recordId.optional(),
    startsAt: instant,
    endsAt: instant,
  })
  .superRefine((value, context) => {
    // zod still runs this when a field failed its format (then it is no Date).
    if (!(value.startsAt instanceof Date) || !(value.endsAt instanceof Date)) return;
    if (value.endsAt <= value.startsAt) {
      context.addIssue({ code: "custom", path: ["endsAt"], message: "Must be after startsAt" });
    } else if (value.endsAt.getTime() - value.startsAt.getTime() > MAX_LENGTH_MS) {
      context.addIssue({ code: "custom", path: ["endsAt"], message: "A session lasts at most 8 hours" });
    }
  });

export type CreateOneTimeBookingInput = z.input<typeof createOneTimeBookingInput>;

export async function createOneTimeBooking(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: CreateOneTimeBookingInput;
  now?: Date;
}): Promise<{ booking: { id: string; status: string }; session: SessionView }> {
  const now = options.now ?? new Date();
  const input = parseInput(createOneTimeBookingInput, options.input);
  await assertInstantInBookingWindow(options.db, { field: "startsAt", at: input.startsAt, now });
  const { actor } = options;

  return options.db.transaction(async (tx) => {
    const { coach, memberId } = await resolveBookingParties(tx, actor, input);
    await shareCoachCalendar(tx, coach.id);
    if (input.startsAt <= now) {
      throw new AppError("invalid_input", "startsAt: Must be in the future", { startsAt: "Must be in the future" });
    }
    // A member books within the coach's notice; the coach or owner may fill a slot sooner.
    const earliest = new Date(now.getTime() + coach.minimumNoticeMinutes * 60_000);
    if (actor?.role === "member" && input.startsAt < earliest) {
      throw new AppError("invalid_input", `startsAt: ${coach.name} takes bookings ${coach.minimumNoticeMinutes} minutes ahead`, {
        startsAt: `Must be at least ${coach.minimumNoticeMinutes} minutes from now`,
      });
    }

    const problem = await availabilityProblem(tx, {
      coachId: coach.id,
      zone: coach.timezone,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
    });
    if (problem === "blocked") throw new AppError("conflict", `${coach.name} is not available then (time off)`);
    if (problem) throw new AppError("conflict", `This time is outside ${coach.name}'s availability`);

    const [booking] = await tx.insert(bookings).values({ memberId, createdAt: now }).returning();
    let sessionId: string;
    try {
      sessionId = await insertSession(tx, {
        coachId: coach.id,
        memberId,
        oneTimeBookingId: booking!.id,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      const busy = overlapReason(error);
      if (!busy) throw error;
      throw new AppError("conflict", await overlapMessage(tx, { busy, coach, memberId, byMember: actor?.role === "member", input }));
    }
    await tx.update(bookings).set({ sessionId }).where(eq(bookings.id, booking!.id));
    const [session] = await selectSessionViews(tx, eq(trainingSessions.id, sessionId));
    return { booking: { id: booking!.id, status: booking!.status }, session: session! };
  });
}

/**
 * Why the time was refused, in the booker's words. The coach's constraint
 * answers first, so a member booking a time they already hold with this
 * coach (a second click, a second tab) hears that, not "someone else".
 */
async function overlapMessage(
  tx: DatabaseOrTransaction,
  options: {
    busy: NonNullable<ReturnType<typeof overlapReason>>;
    coach: { id: string; name: string };
    memberId: string;
    byMember: boolean;
    input: { startsAt: Date; endsAt: Date };
  },
): Promise<string> {
  const { busy, coach, memberId, byMember, input } = options;
  const who = byMember ? "You already have" : "The member already has";
  if (busy === "member_busy") return `${who} a session at that time`;
  const own = await selectRows<{ found: number }>(
    tx,
    sql`SELECT 1 AS found FROM training_sessions t
        WHERE ${sessionOf("t", "coach_id", sql`${coach.id}`)} AND ${onLiveCalendar("t")} AND t.member_id = ${memberId}
          AND ${sessionRange("t")} && tstzrange(${input.startsAt.toISOString()}::timestamptz, ${input.endsAt.toISOString()}::timestamptz, '[)')
        LIMIT 1`,
  );
  return own.length > 0 ? `${who} a session with ${coach.name} at that time` : "This time was just booked by someone else";
}
