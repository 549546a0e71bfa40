// Why an occurrence of a weekly series does not fit its time, and the one
// wording of each reason: the generator records the reason
// (session_conflicts.reason), the booking and retry messages and the pages
// say it in these words. Pure: no I/O.

export const conflictReasons = ["outside_availability", "blocked", "coach_busy", "member_busy"] as const;

export type ConflictReason = (typeof conflictReasons)[number];

/** Each reason as a clause, e.g. "2027-03-16 (the coach has time off then)". */
export const CONFLICT_REASON_TEXT: Readonly<Record<ConflictReason, string>> = {
  outside_availability: "the time is outside the coach's hours",
  blocked: "the coach has time off then",
  coach_busy: "the coach has another session then",
  member_busy: "the member has another session then",
};

/** The same words as a label, capitalised: "The coach has time off then". */
export function conflictReasonLabel(reason: ConflictReason): string {
  const text = CONFLICT_REASON_TEXT[reason];
  return text.charAt(0).toUpperCase() + text.slice(1);
}
