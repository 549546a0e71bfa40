// Messages about generation conflicts: an occurrence the generator could not
// place (to the member and the coach, written by the generator's own
// statement, set-based) and its resolution.
import { sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DatabaseOrTransaction } from "@/db";
import { coachSettings, outboxMessages, sessionConflicts, users } from "@/db/schema";
import { columnNames } from "@/db/sql-names";
import { effectiveCoachTimeZone } from "../coaches/find-coach";
import { businessTimeZone } from "../config";
import { writeAndNotify } from "./enqueue";

const coach = alias(users, "conflict_coach");
const member = alias(users, "conflict_member");
const cs = alias(coachSettings, "conflict_cs");

/**
 * `INSERT … SELECT` of an occurrence_conflict message per party of each row
 * of `recorded` (a CTE, or a query, with session_conflicts' columns id,
 * recurring_booking_id, coach_id, member_id, starts_at, ends_at, reason).
 */
export function conflictMessages(recorded: SQL, businessZone: string, kind: "occurrence_conflict" | "conflict_resolved" = "occurrence_conflict", extra: SQL = sql`'{}'::jsonb`): SQL {
  return sql`INSERT INTO ${outboxMessages} (${columnNames(outboxMessages.kind, outboxMessages.recipientId, outboxMessages.payload)})
      SELECT ${kind}::message_kind, recipient.id, jsonb_build_object('conflict', jsonb_build_object(
               'id', r.id, 'startsAt', r.starts_at, 'endsAt', r.ends_at, 'reason', r.reason,
               'coachId', r.coach_id, 'coachName', ${coach.name}, 'coachZone', ${effectiveCoachTimeZone(cs.timezone, businessZone)},
               'memberId', r.member_id, 'memberName', ${member.name}, 'recurringBookingId', r.recurring_booking_id)) || ${extra}
      FROM ${recorded} r
      JOIN ${users} ${coach} ON ${coach.id} = r.coach_id
      LEFT JOIN ${users} ${member} ON ${member.id} = r.member_id
      LEFT JOIN ${coachSettings} ${cs} ON ${cs.coachId} = r.coach_id
      CROSS JOIN LATERAL (VALUES (r.member_id), (r.coach_id)) AS recipient(id)
      -- a class series has no member: its coach alone is told
      WHERE recipient.id IS NOT NULL
      RETURNING 1`;
}

/** A conflict resolved: the session now placed (`sessionId`), or dismissed. */
export function enqueueConflictResolved(db: DatabaseOrTransaction, conflictId: string, sessionId: string | null): Promise<number> {
  const extra = sql`jsonb_build_object('resolution', ${sessionId ? "placed" : "dismissed"}::text, 'sessionId', ${sessionId}::text)`;
  return writeAndNotify(
    db,
    conflictMessages(sql`(SELECT * FROM ${sessionConflicts} WHERE ${sessionConflicts.id} = ${conflictId})`, businessTimeZone(), "conflict_resolved", extra),
  );
}
