// Messages about a member's place in a class (class_enrolled,
// class_waitlisted, class_promoted, class_place_cancelled), written
// set-based in the transaction that changed the places: one INSERT … SELECT
// for any number of places. The payload is the class as it is now
// (sessionSnapshot(), with its title) and the place with its waitlist
// position. A cancelled class is told by session-messages.ts
// (session_cancelled, to every member it had).
import { sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import { classEnrolments, outboxMessages } from "@/db/schema";
import { columnNames } from "@/db/sql-names";
import { waitlistPosition } from "../classes/class-sql";
import { writeAndNotify } from "./enqueue";
import { sessionSnapshot, snapshotSessionId, snapshotSources } from "./session-messages";

const e = alias(classEnrolments, "told");

/**
 * The INSERT of one message per enrolment whose id `ids` selects: `kind`
 * (an SQL expression over enrolment `told`, e.g. by its status).
 */
export function classPlaceMessages(ids: SQL, kind: SQL, options: { cutoffMinutes: number | SQL; by: Pick<Actor, "id" | "name" | "role"> | null }): SQL {
  const by = options.by ? { id: options.by.id, name: options.by.name, role: options.by.role } : null;
  return sql`INSERT INTO ${outboxMessages} (${columnNames(outboxMessages.kind, outboxMessages.recipientId, outboxMessages.payload)})
      SELECT (${kind})::message_kind, ${e.memberId},
             jsonb_build_object('session', ${sessionSnapshot()},
                                'enrolment', jsonb_build_object('id', ${e.id}, 'status', ${e.status}, 'position', ${waitlistPosition(e)}),
                                'cutoffMinutes', (${options.cutoffMinutes})::int, 'by', ${JSON.stringify(by)}::jsonb)
      FROM ${classEnrolments} ${e}
      JOIN (${snapshotSources()}) ON ${snapshotSessionId} = ${e.classId}
      WHERE ${e.id} IN (${ids})
      RETURNING 1`;
}

/** Tells each member of `enrolmentIds` of their place: confirmed (class_enrolled, or `confirmedKind`) or waitlisted with its position. */
export async function enqueueClassPlaceMessages(
  db: DatabaseOrTransaction,
  enrolmentIds: readonly string[],
  options: { confirmedKind?: "class_enrolled" | "class_promoted"; cutoffMinutes: number; by: Pick<Actor, "id" | "name" | "role"> | null },
): Promise<number> {
  if (enrolmentIds.length === 0) return 0;
  const ids = sql.join(enrolmentIds.map((id) => sql`${id}`), sql`, `);
  const confirmed = options.confirmedKind ?? "class_enrolled";
  return writeAndNotify(
    db,
    classPlaceMessages(ids, sql`CASE WHEN ${e.status} = 'waitlisted' THEN 'class_waitlisted' ELSE ${confirmed} END`, options),
  );
}

/** Tells the member of enrolment `enrolmentId` that their place was given up (by `by`): class_place_cancelled. */
export async function enqueuePlaceCancelledMessage(
  db: DatabaseOrTransaction,
  enrolmentId: string,
  options: { cutoffMinutes: number; by: Pick<Actor, "id" | "name" | "role"> },
): Promise<number> {
  return writeAndNotify(db, classPlaceMessages(sql`${enrolmentId}`, sql`'class_place_cancelled'`, options));
}
