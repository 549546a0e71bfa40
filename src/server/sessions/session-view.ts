// How every API and page shows a training session: its instants (ISO UTC),
// status, who is in it, which booking it came from, and the coach's zone so
// a client can name it where it differs from the viewer's.
import { aliasedTable, eq, type SQL } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db";
import { coachSettings, trainingSessions, users, type SessionStatus } from "@/db/schema";
import { effectiveCoachTimeZone } from "../coaches/find-coach";

export interface SessionView {
  id: string;
  startsAt: string;
  endsAt: string;
  status: SessionStatus;
  coach: { id: string; name: string; timezone: string };
  member: { id: string; name: string } | null;
  recurringBookingId: string | null;
  oneTimeBookingId: string | null;
  cancellationReason: string | null;
  cancelledAt: string | null;
}

const coach = aliasedTable(users, "session_coach");
const member = aliasedTable(users, "session_member");

/** Sessions matching `where`, in start order (at most `limit`). */
export async function selectSessionViews(
  db: DatabaseOrTransaction,
  where: SQL | undefined,
  options: { limit?: number } = {},
): Promise<SessionView[]> {
  const query = db
    .select({
      id: trainingSessions.id,
      startsAt: trainingSessions.startsAt,
      endsAt: trainingSessions.endsAt,
      status: trainingSessions.status,
      coachId: trainingSessions.coachId,
      coachName: coach.name,
      coachTimezone: effectiveCoachTimeZone(),
      memberId: trainingSessions.memberId,
      memberName: member.name,
      recurringBookingId: trainingSessions.recurringBookingId,
      oneTimeBookingId: trainingSessions.oneTimeBookingId,
      cancellationReason: trainingSessions.cancellationReason,
      cancelledAt: trainingSessions.cancelledAt,
    })
    .from(trainingSessions)
    .innerJoin(coach, eq(coach.id, trainingSessions.coachId))
    .leftJoin(member, eq(member.id, trainingSessions.memberId))
    .leftJoin(coachSettings, eq(coachSettings.coachId, trainingSessions.coachId))
    .where(where)
    .orderBy(trainingSessions.startsAt, trainingSessions.id);
  const rows = await (options.limit === undefined ? query : query.limit(options.limit));
  return rows.map(toSessionView);
}

function toSessionView(row: {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: SessionStatus;
  coachId: string;
  coachName: string;
  coachTimezone: string;
  memberId: string | null;
  memberName: string | null;
  recurringBookingId: string | null;
  oneTimeBookingId: string | null;
  cancellationReason: string | null;
  cancelledAt: Date | null;
}): SessionView {
  return {
    id: row.id,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    status: row.status,
    coach: { id: row.coachId, name: row.coachName, timezone: row.coachTimezone },
    member: row.memberId ? { id: row.memberId, name: row.memberName ?? "" } : null,
    recurringBookingId: row.recurringBookingId,
    oneTimeBookingId: row.oneTimeBookingId,
    cancellationReason: row.cancellationReason,
    cancelledAt: row.cancelledAt ? row.cancelledAt.toISOString() : null,
  };
}
