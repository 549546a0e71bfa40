// The messages about sessions, written set-based: one INSERT … SELECT for any
// number of sessions (a time off that cancels thirty sessions writes sixty
// messages in one statement), in the caller's transaction. Each goes to the
// session's member and its coach, with what the session was at that moment
// (times, names, the coach's zone) as its payload, and who changed it and why.
import { inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import { classEnrolments, coachSettings, outboxMessages, trainingSessions, users } from "@/db/schema";
import { columnNames } from "@/db/sql-names";
import type { MessageKind } from "@/domain/message-kind";
import { effectiveCoachTimeZone } from "../coaches/find-coach";
import { businessTimeZone } from "../config";
import { writeAndNotify } from "./enqueue";

/** Why a session changed, beyond who changed it: the message says it in the recipient's words. */
export type SessionChangeCause = "member" | "coach" | "owner" | "time_off" | "availability" | "series" | "no_show";

export interface SessionChange {
  kind: Extract<MessageKind, "booking_confirmed" | "session_cancelled" | "no_show">;
  /** Who did it; null for the system (the generator). */
  actor: Pick<Actor, "id" | "name" | "role"> | null;
  cause?: SessionChangeCause;
  reason?: string | null;
}

const s = alias(trainingSessions, "s");
const coach = alias(users, "c");
const member = alias(users, "m");
const cs = alias(coachSettings, "cs");
const e = alias(classEnrolments, "class_place");

/** The payload's `session`: a snapshot of session `s` with its people and the coach's zone. */
export function sessionSnapshot(): SQL {
  return sql`jsonb_build_object(
      'id', ${s.id}, 'startsAt', ${s.startsAt}, 'endsAt', ${s.endsAt}, 'status', ${s.status},
      'coachId', ${s.coachId}, 'coachName', ${coach.name}, 'coachZone', ${effectiveCoachTimeZone(cs.timezone, businessTimeZone())},
      'memberId', ${s.memberId}, 'memberName', ${member.name}, 'recurringBookingId', ${s.recurringBookingId}, 'title', ${s.title})`;
}

/** FROM session `s` with what sessionSnapshot() reads (its coach, member and the coach's settings). */
export function snapshotSources(): SQL {
  return sql`${trainingSessions} ${s}
        JOIN ${users} ${coach} ON ${coach.id} = ${s.coachId}
        LEFT JOIN ${users} ${member} ON ${member.id} = ${s.memberId}
        LEFT JOIN ${coachSettings} ${cs} ON ${cs.coachId} = ${s.coachId}`;
}

/** The id column of the session sessionSnapshot() reads. */
export const snapshotSessionId = s.id;

/** Writes `change`'s message about each session `ids` to its member and its coach. */
export async function enqueueSessionMessages(db: DatabaseOrTransaction, ids: readonly string[], change: SessionChange): Promise<number> {
  if (ids.length === 0) return 0;
  return enqueueSessionMessagesWhere(db, inArray(s.id, [...ids]), change);
}

export async function enqueueSessionMessagesWhere(db: DatabaseOrTransaction, where: SQL, change: SessionChange): Promise<number> {
  const by = change.actor ? { id: change.actor.id, name: change.actor.name, role: change.actor.role } : null;
  return writeAndNotify(
    db,
    sql`INSERT INTO ${outboxMessages} (${columnNames(outboxMessages.kind, outboxMessages.recipientId, outboxMessages.payload)})
        SELECT ${change.kind}::message_kind, recipient.id,
               jsonb_build_object('session', ${sessionSnapshot()}, 'by', ${JSON.stringify(by)}::jsonb,
                                  'cause', ${change.cause ?? null}::text, 'reason', ${change.reason ?? null}::text)
        FROM ${snapshotSources()}
        -- A class has no member of its own: its places' members hear of it
        -- (those it still had, or that its cancellation took back).
        CROSS JOIN LATERAL (VALUES (${s.memberId}), (${s.coachId})
                            UNION ALL
                            SELECT ${e.memberId} FROM ${classEnrolments} ${e}
                            WHERE ${e.classId} = ${s.id} AND ${s.type} = 'GROUP'
                              AND (${e.status} IN ('confirmed', 'waitlisted') OR ${e.cancelCause} = 'class_cancelled')) AS recipient(id)
        WHERE ${where} AND recipient.id IS NOT NULL
        RETURNING 1`,
  );
}

/** The cause of a change made by `actor` in person (a member, a coach, the owner). */
export function causeOf(actor: Pick<Actor, "role">): SessionChangeCause {
  return actor.role;
}
