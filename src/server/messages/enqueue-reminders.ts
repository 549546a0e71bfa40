// Reminders: before each scheduled session, to its member and its coach, as
// long before as each chose (users.reminder: off, 2h, 24h). The worker calls
// this every minute; the dedupe key (reminder:<session>:<person>) is unique,
// so however many instances call it, each reminder is written once. A
// session booked after its reminder was due gets none (its confirmation
// just said it all), nor does one cancelled meanwhile.
import { sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DatabaseOrTransaction } from "@/db";
import { coachSettings, outboxMessages, trainingSessions, users } from "@/db/schema";
import { columnNames } from "@/db/sql-names";
import { effectiveCoachTimeZone } from "../coaches/find-coach";
import { businessTimeZone } from "../config";
import { writeAndNotify } from "./enqueue";

const s = alias(trainingSessions, "s");
const coach = alias(users, "c");
const member = alias(users, "m");
const person = alias(users, "r");
const cs = alias(coachSettings, "cs");

/** Writes every reminder due at `now` that is not written yet. Answers how many. */
export function enqueueDueReminders(db: DatabaseOrTransaction, now = new Date()): Promise<number> {
  const at = now.toISOString();
  const lead = sql`(CASE ${person.reminder} WHEN '2h' THEN interval '2 hours' ELSE interval '24 hours' END)`;
  return writeAndNotify(
    db,
    sql`INSERT INTO ${outboxMessages} (${columnNames(outboxMessages.kind, outboxMessages.recipientId, outboxMessages.payload, outboxMessages.dedupeKey)})
        SELECT 'reminder'::message_kind, ${person.id},
               jsonb_build_object('lead', ${person.reminder}, 'session', jsonb_build_object(
                 'id', ${s.id}, 'startsAt', ${s.startsAt}, 'endsAt', ${s.endsAt}, 'status', ${s.status},
                 'coachId', ${s.coachId}, 'coachName', ${coach.name}, 'coachZone', ${effectiveCoachTimeZone(cs.timezone, businessTimeZone())},
                 'memberId', ${s.memberId}, 'memberName', ${member.name}, 'recurringBookingId', ${s.recurringBookingId})),
               'reminder:' || ${s.id} || ':' || ${person.id}
        FROM ${trainingSessions} ${s}
        JOIN ${users} ${coach} ON ${coach.id} = ${s.coachId}
        LEFT JOIN ${users} ${member} ON ${member.id} = ${s.memberId}
        LEFT JOIN ${coachSettings} ${cs} ON ${cs.coachId} = ${s.coachId}
        CROSS JOIN LATERAL (VALUES (${s.memberId}), (${s.coachId})) AS party(id)
        JOIN ${users} ${person} ON ${person.id} = party.id
        -- Scheduled sessions ending within two days: the partial index on
        -- (ends_at) WHERE scheduled finds them; no session lasts a day.
        WHERE ${s.status} = 'scheduled'
          AND ${s.endsAt} > ${at}::timestamptz AND ${s.endsAt} <= ${at}::timestamptz + interval '2 days'
          AND ${s.startsAt} > ${at}::timestamptz
          AND ${person.reminder} <> 'off'
          AND ${s.startsAt} <= ${at}::timestamptz + ${lead}
          AND ${s.createdAt} <= ${s.startsAt} - ${lead}
        ON CONFLICT DO NOTHING
        RETURNING 1`,
  );
}
