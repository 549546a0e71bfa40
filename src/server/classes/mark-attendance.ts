// The coach (or the owner) marks who came: attended or no-show, per place,
// once the class has started. A mark can be corrected either way; a
// cancelled place or a waitlist place cannot be marked.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { attendanceMarks, holdsPlace, type EnrolmentStatus } from "@/domain/enrolment";
import { AppError } from "@/domain/errors";
import { recordId } from "../fields";
import { parseInput } from "../validation";
import { selectEnrolmentViews, type EnrolmentView } from "./class-view";
import { findEnrolmentFor } from "./enrolment-access";

export const markAttendanceBody = z.strictObject({
  attendance: z.enum(attendanceMarks, { error: 'Must be "attended" or "no_show"' }),
});
export const markAttendanceInput = markAttendanceBody.extend({ id: recordId });
export type MarkAttendanceInput = z.input<typeof markAttendanceInput>;

export async function markAttendance(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: MarkAttendanceInput;
  now?: Date;
}): Promise<EnrolmentView> {
  const { actor, db } = options;
  assertCan(actor, "classes:manage");
  const input = parseInput(markAttendanceInput, options.input);
  const now = options.now ?? new Date();
  const found = await findEnrolmentFor(db, actor, input.id);
  if (now < found.startsAt) throw new AppError("conflict", `Attendance is marked once the class has started (${found.startsAt.toISOString()})`);

  const [row] = await selectRows<{ status: EnrolmentStatus }>(
    db,
    sql`UPDATE class_enrolments e SET status = ${input.attendance}::enrolment_status,
               attendance_marked_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
        FROM training_sessions s
        WHERE e.id = ${found.id} AND s.id = e.class_id AND s.status <> 'cancelled'
          AND e.status IN ('confirmed', 'attended', 'no_show')
        RETURNING e.status::text AS status`,
  );
  if (!row) {
    const [now_] = await selectRows<{ status: EnrolmentStatus }>(db, sql`SELECT status::text AS status FROM class_enrolments WHERE id = ${found.id}`);
    const status = now_?.status ?? found.status;
    throw new AppError("conflict", holdsPlace(status) ? "The class was cancelled" : `Only a held place is marked (this one is ${status})`);
  }
  const [view] = await selectEnrolmentViews(db, (e) => sql`${e.id} = ${found.id}`);
  return view!;
}
