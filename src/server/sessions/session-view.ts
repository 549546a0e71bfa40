// How every API and page shows a training session: its instants (ISO UTC),
// status, who is in it, which booking it came from, and the coach's zone so
// a client can name it where it differs from the viewer's.
import { aliasedTable, eq, type SQL } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db";
import { z } from "zod";
import { coachSettings, trainingSessions, users } from "@/db/schema";
import { sessionStatuses, type SessionStatus } from "@/domain/session-status";
import { coachRef, instant, memberRef, recordId } from "../view-fields";
import { effectiveCoachTimeZone } from "../coaches/find-coach";

export const sessionStatusSchema = z
  .enum(sessionStatuses)
  .describe("scheduled → completed (the generator, once it ended) | cancelled | no_show.");

export const sessionViewSchema = z
  .strictObject({
    id: recordId,
    startsAt: instant,
    endsAt: instant.describe("Exclusive end of [startsAt, endsAt), ISO 8601 UTC."),
    status: sessionStatusSchema,
    coach: coachRef,
    member: memberRef.nullable().describe("Null for a group class (its places are enrolments), or a v1 session without a member."),
    title: z.string().nullable().describe("A group class's title; null for a one-to-one session."),
    recurringBookingId: recordId.nullable().describe("The series it belongs to, if any."),
    oneTimeBookingId: recordId.nullable().describe("The one-time booking it came from, if any."),
    cancellationReason: z.string().nullable(),
    cancelledAt: instant.nullable(),
  })
  .describe("One training session: instants in UTC, the coach's zone named.");

export type SessionView = z.infer<typeof sessionViewSchema>;

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
      type: trainingSessions.type,
      title: trainingSessions.title,
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
  type: string;
  title: string | null;
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
    title: row.type === "GROUP" ? (row.title ?? "") : null,
    recurringBookingId: row.recurringBookingId,
    oneTimeBookingId: row.oneTimeBookingId,
    cancellationReason: row.cancellationReason,
    cancelledAt: row.cancelledAt ? row.cancelledAt.toISOString() : null,
  };
}
