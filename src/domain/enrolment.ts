// Class places (docs/decisions/0014-classes-places-and-waitlists.md).
//
//   waitlisted ──promoted──▶ confirmed ──after the start──▶ attended | no_show
//        │                       │                          (either way round,
//        └──────▶ cancelled ◀────┘                           as a correction)
//
// A place is held while confirmed, attended or no-show: those count against
// the class's capacity. The waitlist is ordered by when the place was asked
// for; a position is 1-based among the class's waitlisted enrolments.

export const enrolmentStatuses = ["confirmed", "waitlisted", "cancelled", "attended", "no_show"] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];

/** Why a place ended: its member, the coach or the owner let it go; the class was cancelled; the member was promoted in an overlapping class; the standing place it came from ended. */
export const enrolmentCancelCauses = ["member", "coach", "owner", "class_cancelled", "promoted_elsewhere", "standing_place_ended"] as const;
export type EnrolmentCancelCause = (typeof enrolmentCancelCauses)[number];

export const attendanceMarks = ["attended", "no_show"] as const;
export type AttendanceMark = (typeof attendanceMarks)[number];

/** Whether an enrolment in this status holds one of the class's places. */
export function holdsPlace(status: EnrolmentStatus): boolean {
  return status === "confirmed" || status === "attended" || status === "no_show";
}

/** Whether the member still expects to come (or may still be promoted). */
export function isLive(status: EnrolmentStatus): boolean {
  return status === "confirmed" || status === "waitlisted";
}

/** Attendance is marked on a confirmed place, once the class has started; a mark may be corrected. */
export function mayMarkAttendance(status: EnrolmentStatus, classStartsAt: Date, now: Date): boolean {
  return holdsPlace(status) && now >= classStartsAt;
}

/**
 * Whether a place freed now goes to the waitlist: only before the cut-off
 * (the studio's waitlistCutoffMinutes before the class starts). After it,
 * nobody is promoted at short notice; the place stays open to whoever enrols.
 */
export function promotesNow(classStartsAt: Date, cutoffMinutes: number, now: Date): boolean {
  return now.getTime() < classStartsAt.getTime() - cutoffMinutes * 60_000;
}

/** The smallest and largest capacity of a class. */
export const CLASS_CAPACITY = { min: 2, max: 500 } as const;
export const CLASS_TITLE_MAX = 120;
