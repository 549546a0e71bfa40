// A place (or a waitlist place) is given up: by its member before the class
// starts, by the class's coach or the owner while the class is scheduled. A
// freed place goes to the first on the waitlist in the same transaction
// (promote-waitlist.ts), before the studio's cut-off. The member of a place
// (not of a waitlist place) is told, whoever gave it up: the message's
// calendar cancellation takes the class out of their calendar.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { AppError } from "@/domain/errors";
import { holdsPlace, isLive, type EnrolmentStatus } from "@/domain/enrolment";
import { recordId } from "../fields";
import { enqueuePlaceCancelledMessage } from "../messages/class-messages";
import { parseInput } from "../validation";
import { lockClass, waitlistCutoffMinutes } from "./class-sql";
import { selectEnrolmentViews, type EnrolmentView } from "./class-view";
import { findEnrolmentFor } from "./enrolment-access";
import { promoteWaitlist } from "./promote-waitlist";

export const cancelEnrolmentInput = z.strictObject({ id: recordId });
export type CancelEnrolmentInput = z.input<typeof cancelEnrolmentInput>;

export async function cancelEnrolment(options: {
  db: DatabaseOrTransaction;
  actor: Actor | null;
  input: CancelEnrolmentInput;
  now?: Date;
}): Promise<{ enrolment: EnrolmentView; promoted: EnrolmentView[] }> {
  const { actor, db } = options;
  assertCan(actor, "classes:enrol");
  const input = parseInput(cancelEnrolmentInput, options.input);
  const now = options.now ?? new Date();
  const found = await findEnrolmentFor(db, actor, input.id);
  const cutoffMinutes = await waitlistCutoffMinutes(db);

  return db.transaction(async (tx) => {
    const locked = (await lockClass(tx, found.classId))!;
    const [current] = await selectRows<{ status: EnrolmentStatus }>(tx, sql`SELECT status::text AS status FROM class_enrolments WHERE id = ${found.id}`);
    if (!isLive(current!.status)) throw new AppError("conflict", `The place is already ${current!.status.replace("_", "-")}`);
    if (locked.status !== "scheduled") throw new AppError("conflict", `The class is ${locked.status}`);
    if (actor.role === "member" && locked.startsAt <= now) {
      throw new AppError("conflict", `The class started at ${locked.startsAt.toISOString()}; only its coach can change places now`);
    }
    await tx.execute(sql`UPDATE class_enrolments
                         SET status = 'cancelled', cancel_cause = ${actor.role}::enrolment_cancel_cause,
                             cancelled_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
                         WHERE id = ${found.id}`);
    let promotedIds: string[] = [];
    if (holdsPlace(current!.status)) {
      await enqueuePlaceCancelledMessage(tx, found.id, { cutoffMinutes, by: actor });
      promotedIds = await promoteWaitlist(tx, locked, { now, cutoffMinutes, by: null });
    }
    const views = await selectEnrolmentViews(tx, (e) => sql`${e.id} IN (${sql.join([found.id, ...promotedIds].map((id) => sql`${id}`), sql`, `)})`);
    return { enrolment: views.find((view) => view.id === found.id)!, promoted: views.filter((view) => view.id !== found.id) };
  });
}
