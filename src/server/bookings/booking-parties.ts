// Who a booking is for and with: a member books for themself; a coach books
// one of their own slots for a member; the owner books any coach for any
// member. The coach must be a coach (400 naming coachId), the member a member
// (400 naming memberId).
import { and, eq } from "drizzle-orm";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { users } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { findCoach, type CoachRecord } from "../coaches/find-coach";

export async function resolveBookingParties(
  db: DatabaseOrTransaction,
  actor: Actor | null,
  input: { coachId: string; memberId?: string | undefined },
): Promise<{ coach: CoachRecord; memberId: string }> {
  const member = await resolveBookingMember(db, actor, input);
  const coach = await findCoach(db, input.coachId);
  if (!coach) throw new AppError("invalid_input", "coachId: Not a coach", { coachId: "No coach with this id" });
  return { coach, memberId: member.id };
}

/** The member side alone (authorization included): the actor when a member books, else the member named in the input, read from the database. */
export async function resolveBookingMember(
  db: DatabaseOrTransaction,
  actor: Actor | null,
  input: { coachId: string; memberId?: string | undefined },
): Promise<{ id: string; name: string }> {
  assertCan(actor, "bookings:create");
  let member: { id: string; name: string } | undefined;
  if (actor.role === "member") {
    if (input.memberId !== undefined && input.memberId !== actor.id) {
      throw new AppError("forbidden", "A member books only for themself");
    }
    member = { id: actor.id, name: actor.name };
  } else {
    if (actor.role === "coach" && input.coachId !== actor.id) {
      throw new AppError("forbidden", "A coach books only their own sessions");
    }
    if (!input.memberId) {
      throw new AppError("invalid_input", "memberId: Required when booking for a member", {
        memberId: "Required when a coach or the owner books for a member",
      });
    }
    [member] = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.id, input.memberId), eq(users.role, "member")));
    if (!member) {
      throw new AppError("invalid_input", "memberId: Not a member", { memberId: "No member with this id" });
    }
  }
  return member;
}
