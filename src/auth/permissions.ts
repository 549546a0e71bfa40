// The one place that says which role may do what. Use cases ask `can()` (or
// `assertCan()`); nothing else compares roles. Later features add their
// permissions here.
import type { UserRole } from "@/db/schema";
import { AppError } from "@/domain/errors";
import type { Actor } from "./current-actor";

export const permissions = {
  "users:list": ["owner"],
  "users:update": ["owner"],
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
