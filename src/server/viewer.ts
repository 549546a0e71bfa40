// Who is looking at a page, and in which time zone: the signed-in actor
// (from the session cookie) and the browser's zone, which TimeZoneSync
// keeps in a cookie. Before the browser has told us (the very first page
// view), coaches see their own zone and everyone else the business's.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { ROLE_HOME } from "@/lib/navigation";
import { cache } from "react";
import type { Actor } from "@/auth/actor";
import { getCurrentActor } from "@/auth/current-actor";
import { getDatabase, type DatabaseOrTransaction } from "@/db";
import type { UserRole } from "@/db/schema";
import { isValidTimeZone } from "@/domain/time";
import { TIME_ZONE_COOKIE } from "@/lib/time-zone-cookie";
import { businessTimeZone } from "@/server/config";

export interface Viewer {
  actor: Actor;
  /** IANA zone every time on the page is shown in. */
  zone: string;
  /** True when the zone came from the browser (not a fallback). */
  zoneFromBrowser: boolean;
  db: DatabaseOrTransaction;
}


export const currentActor = cache(async (): Promise<Actor | null> => getCurrentActor(await headers()));

/** For the sign-in and sign-up pages: a signed-in visitor goes to their home instead. */
export async function redirectWhenSignedIn(): Promise<void> {
  const actor = await currentActor();
  if (actor) redirect(ROLE_HOME[actor.role]);
}

export async function viewerZone(): Promise<{ zone: string; fromBrowser: boolean }> {
  const zone = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  if (zone && isValidTimeZone(zone)) return { zone, fromBrowser: true };
  return { zone: businessTimeZone(), fromBrowser: false };
}

/**
 * The viewer of a page that needs one of `roles`. Nobody signed in: to
 * sign-in. Signed in with another role: to /not-allowed, which says so and
 * links to their own home — never a hint of the page's data. Layouts and
 * pages both call this (they render independently), once per request.
 */
export const getViewer = cache(async (...roles: UserRole[]): Promise<Viewer> => {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  if (!roles.includes(actor.role)) redirect("/not-allowed");
  const [{ zone, fromBrowser }, { db }] = await Promise.all([viewerZone(), getDatabase()]);
  return { actor, zone, zoneFromBrowser: fromBrowser, db };
});
