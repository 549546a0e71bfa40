// Finding an enrolment the actor may act on: its member, the class's coach,
// or the owner. Anyone else hears 404, as for an id that does not exist.
import { sql } from "drizzle-orm";
import type { Actor } from "@/auth/actor";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import type { EnrolmentStatus } from "@/domain/enrolment";
import { AppError } from "@/domain/errors";

export interface FoundEnrolment {
  id: string;
  classId: string;
  memberId: string;
  coachId: string;
  status: EnrolmentStatus;
  startsAt: Date;
}

export async function findEnrolmentFor(db: DatabaseOrTransaction, actor: Actor, id: string): Promise<FoundEnrolment> {
  const [row] = await selectRows<{ id: string; class_id: string; member_id: string; coach_id: string; status: EnrolmentStatus; starts_at: string | Date }>(
    db,
    sql`SELECT e.id, e.class_id, e.member_id, s.coach_id, e.status::text AS status, s.starts_at
        FROM class_enrolments e JOIN training_sessions s ON s.id = e.class_id WHERE e.id = ${id}`,
  );
  const mayAct = row && (actor.role === "owner" || (actor.role === "coach" ? row.coach_id === actor.id : row.member_id === actor.id));
  if (!row || !mayAct) throw new AppError("not_found", `No enrolment with id ${id}`);
  return { id: row.id, classId: row.class_id, memberId: row.member_id, coachId: row.coach_id, status: row.status, startsAt: new Date(row.starts_at) };
}
