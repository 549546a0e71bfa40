// The frame of every signed-in page: the product name, the role's
// navigation (a row of links on a phone, the same row wider on a desktop),
// who is signed in and in which time zone times are shown.
import Link from "next/link";
import type { ReactNode } from "react";
import type { UserRole } from "@/db/schema";
import { zoneName } from "@/lib/time-format";
import { NavLinks } from "./nav-links";
import { NAVIGATION } from "@/lib/navigation";
import { SignOutButton } from "./sign-out-button";
import { TimeZoneSync } from "./time-zone-sync";

export function AppShell({
  role,
  name,
  zone,
  children,
}: {
  role: UserRole;
  name: string;
  zone: string;
  children: ReactNode;
}) {
  const links = NAVIGATION[role];
  return (
    <div className="min-h-dvh">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link href={links[0]!.href} className="text-lg font-semibold text-brand-700">
            Coachbook
          </Link>
          <div className="flex items-center gap-3 text-sm text-slate-600">
            <span>
              <span className="font-medium text-slate-800">{name}</span>
              <span className="sr-only">, signed in as </span>
              <span aria-hidden="true"> · </span>
              <span className="capitalize">{role}</span>
            </span>
            <SignOutButton />
          </div>
        </div>
        <nav aria-label="Main" className="mx-auto max-w-5xl overflow-x-auto px-2">
          <NavLinks links={links} />
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
      <footer className="mx-auto max-w-5xl px-4 pb-8 text-xs text-slate-500">
        Times are shown in {zoneName(zone)} ({zone}).
      </footer>
      <TimeZoneSync renderedZone={zone} />
    </div>
  );
}
