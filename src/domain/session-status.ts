// The session status state machine (DESIGN.md invariant 4):
//
//     scheduled ──→ completed ──→ no_show   (a correction by the coach or owner)
//         │──────→ cancelled
//         └──────→ no_show
//
// Nothing else moves: no status returns to `scheduled`, `cancelled` and
// `no_show` are final, and no status moves to itself. Use cases ask
// `canTransition` for their messages and `statusesLeadingTo` for the
// `WHERE status IN (…)` of their UPDATE, so the table below is the one place
// that decides (the database row, not a prior read, is what gets checked).
// Pure: no I/O.

export const sessionStatuses = ["scheduled", "completed", "cancelled", "no_show"] as const;

export type SessionStatus = (typeof sessionStatuses)[number];

/** For each status, the statuses it may move to. */
export const allowedTransitions: Readonly<Record<SessionStatus, readonly SessionStatus[]>> = {
  scheduled: ["completed", "cancelled", "no_show"],
  completed: ["no_show"],
  cancelled: [],
  no_show: [],
};

export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
  return allowedTransitions[from].includes(to);
}

/** Every status from which `to` may be reached (what an UPDATE to `to` may find). */
export function statusesLeadingTo(to: SessionStatus): SessionStatus[] {
  return sessionStatuses.filter((from) => canTransition(from, to));
}

/** Final statuses: nothing leaves them. */
export function isFinal(status: SessionStatus): boolean {
  return allowedTransitions[status].length === 0;
}

/** Why `from → to` is refused, for a 409 a person can read; null when allowed. */
export function transitionRefusal(from: SessionStatus, to: SessionStatus): string | null {
  if (canTransition(from, to)) return null;
  if (from === to) return `The session is already ${label(from)}`;
  return `A ${label(from)} session cannot become ${label(to)}`;
}

function label(status: SessionStatus): string {
  return status === "no_show" ? "no-show" : status;
}
