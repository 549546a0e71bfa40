// Book one session: it must lie inside the coach's free availability (rules ∪
// additions, no blocked slot) and, for a member, respect the coach's minimum
// notice. The booking row and its session are written in one transaction.
// Whether the time is still free is decided by the exclusion constraints
// when the session is inserted — not by a read-then-write check — so of two
// members racing for one slot exactly one wins and the other gets 409.
// Every wait is bounded and a crowd on one slot never freezes the app (see
// booking-time.ts and docs/decisions/0001-bounded-waits-on-the-booking-path.md):
// a taken time is refused by one read before any transaction; bookings that
// could overlap queue briefly on advisory locks instead of deadlocking; a
// lock not had within BOOKING_LOCK_TIMEOUT_MS is a 409 "try again".
// See docs/decisions/0010-constraints-decide-races.md.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import { LOCK_NOT_AVAILABLE, hasPostgresCode, overlapReason } from "@/db/errors";
import { AppError } from "@/domain/errors";
import { instant, recordId } from "../fields";
import type { SessionView } from "../sessions/session-view";
import { assertInstantInBookingWindow } from "../studio-settings/booking-window";
import { assertMayBookUnverified } from "../studio-settings/verified-email";
import { parseInput } from "../validation";
import { resolveBookingMember } from "./booking-parties";
import { coachAndTimeProblem, timeProblem, writeOneTimeBooking, type BookingTime, type TimeProblem } from "./booking-time";

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
  const { actor, db } = options;
  await assertInstantInBookingWindow(db, { field: "startsAt", at: input.startsAt, now });

  const member = await resolveBookingMember(db, actor, input);
  await assertMayBookUnverified(db, actor);
  // The coach, and whether the time is open, in one read: a time already
  // taken (or not open) is then refused without a transaction, lock or write.
  // Only bookings racing a winner that has not committed yet go further, and
  // the constraint decides those.
  const found = await coachAndTimeProblem(db, { coachId: input.coachId, memberId: member.id, startsAt: input.startsAt, endsAt: input.endsAt });
  if (!found) throw new AppError("invalid_input", "coachId: Not a coach", { coachId: "No coach with this id" });
  const { coach } = found;
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

  const time: BookingTime = { coachId: coach.id, memberId: member.id, zone: coach.timezone, startsAt: input.startsAt, endsAt: input.endsAt };
  const refusal = (problem: TimeProblem) => new AppError("conflict", problemMessage(problem, coach.name, actor?.role === "member"));
  if (found.problem) throw refusal(found.problem);

  const ids = { bookingId: randomUUID(), sessionId: randomUUID() };
  let written: Awaited<ReturnType<typeof writeOneTimeBooking>>;
  try {
    const parties = { coachName: coach.name, memberName: member.name, by: actor ? { id: actor.id, name: actor.name, role: actor.role } : null };
    written = await writeOneTimeBooking(db, { ...time, ...parties, ...ids, now });
  } catch (error) {
    if (hasPostgresCode(error, LOCK_NOT_AVAILABLE)) {
      throw new AppError("conflict", "This time is being booked or changed right now; try again in a moment");
    }
    const busy = overlapReason(error);
    // Taken while this request ran: say by whom, as the read before would have.
    if (busy) throw refusal((await timeProblem(db, time)) ?? busy);
    throw error;
  }
  // Availability changed since the read above: nothing was written.
  if ("problem" in written) throw refusal(written.problem);

  // The session as selectSessionViews() shows it, from what this request already knows.
  const session: SessionView = {
    id: ids.sessionId,
    startsAt: input.startsAt.toISOString(),
    endsAt: input.endsAt.toISOString(),
    status: "scheduled",
    coach: { id: coach.id, name: coach.name, timezone: coach.timezone },
    member: { id: member.id, name: member.name },
    title: null,
    recurringBookingId: null,
    oneTimeBookingId: ids.bookingId,
    cancellationReason: null,
    cancelledAt: null,
  };
  return { booking: { id: ids.bookingId, status: written.status }, session };
}

/** Why the time was refused, in the booker's words: a member booking a time they already hold with this coach (a second click) hears that, not "someone else". */
function problemMessage(problem: TimeProblem, coachName: string, byMember: boolean): string {
  const who = byMember ? "You already have" : "The member already has";
  switch (problem) {
    case "blocked":
      return `${coachName} is not available then (time off)`;
    case "outside_availability":
      return `This time is outside ${coachName}'s availability`;
    case "coach_busy_own":
      return `${who} a session with ${coachName} at that time`;
    case "coach_busy":
      return "This time was just booked by someone else";
    case "member_busy":
      return `${who} a session at that time`;
  }
}
