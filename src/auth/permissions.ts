// The one place that says which role may do what. Use cases ask `can()` (or
// `assertCan()`); nothing else compares roles. Ownership ("a coach manages
// their own availability", "a member books for themself") is checked by
// `assertActsFor*` below, so use cases never compare ids by hand.
import type { UserRole } from "@/db/schema";
import { AppError } from "@/domain/errors";
import type { Actor } from "./actor";

export const permissions = {
  "users:list": ["owner"],
  "users:update": ["owner"],
  /** Add a person (any role); they get a welcome e-mail to choose their password. */
  "users:create": ["owner"],
  /** Read the studio's settings (the booking window): everyone signed in; change them: the owner. */
  "studio:read": ["owner", "coach", "member"],
  "studio:manage": ["owner"],
  /** See the coaches and their free slots. */
  "coaches:list": ["owner", "coach", "member"],
  /** Weekly rules, additions, blocked slots: a coach their own, the owner any coach's. */
  "availability:manage": ["owner", "coach"],
  /** Book (recurring or one-time): a member for themself, a coach or the owner for a member. */
  "bookings:create": ["owner", "coach", "member"],
  /** See and cancel sessions and series: each their own; the owner all. */
  "sessions:read": ["owner", "coach", "member"],
  "sessions:cancel": ["owner", "coach", "member"],
  /** Mark a session no-show: its coach or the owner. */
  "sessions:no-show": ["owner", "coach"],
  /** See and resolve generation conflicts: a coach their own, the owner all. */
  "conflicts:manage": ["owner", "coach"],
  /** Run session generation by hand and see the runs. */
  "generation:run": ["owner"],
  /** The business's figures (sessions held, cancelled, no-shows, utilisation). */
  "reports:read": ["owner"],
  /** Create, list and revoke one's own personal API keys. */
  "api-keys:manage": ["owner", "coach", "member"],
  /** See every message the product sent or will send, and retry a failed one. */
  "outbox:manage": ["owner"],
  /** The class timetable: everyone signed in. */
  "classes:read": ["owner", "coach", "member"],
  /** Schedule and cancel classes and class series, see rosters, mark attendance: a coach their own, the owner any coach's. */
  "classes:manage": ["owner", "coach"],
  /** Take or give up a place: a member their own; the class's coach or the owner for a member. */
  "classes:enrol": ["owner", "coach", "member"],
  /** Read and change one's own account: name, message settings, calendar feed. */
  "account:manage": ["owner", "coach", "member"],
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof permissions;

export function can(role: UserRole, permission: Permission): boolean {
  return (permissions[permission] as readonly UserRole[]).includes(role);
}

/** Throws 401 without an actor, 403 when the actor's role lacks the permission. */
export function assertCan(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError("unauthenticated", "Sign in first");
  if (!can(actor.role, permission)) {
    throw new AppError("forbidden", `Your role (${actor.role}) may not do this (${permission})`);
  }
}

/**
 * The actor may manage this coach's calendar: the owner any coach's, a coach
 * only their own. Throws 401/403 otherwise.
 */
export function assertActsForCoach(actor: Actor | null, coachId: string, permission: Permission): asserts actor is Actor {
  assertCan(actor, permission);
  if (actor.role === "coach" && actor.id !== coachId) {
    throw new AppError("forbidden", "A coach manages only their own calendar");
  }
}

/**
 * Whose bookings the actor may see or change: a member only their own; a
 * coach those with them as coach; the owner everyone's. Returns the filter to
 * apply, so a use case never forgets it.
 */
export function bookingScope(actor: Actor): { memberId?: string; coachId?: string } {
  if (actor.role === "member") return { memberId: actor.id };
  if (actor.role === "coach") return { coachId: actor.id };
  return {};
}

/** True when a booking (member, coach) is within the actor's scope. */
export function isInBookingScope(actor: Actor, booking: { memberId: string | null; coachId: string }): boolean {
  const scope = bookingScope(actor);
  if (scope.memberId !== undefined && booking.memberId !== scope.memberId) return false;
  if (scope.coachId !== undefined && booking.coachId !== scope.coachId) return false;
  return true;
}
