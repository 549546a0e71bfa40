// Each role's pages, in menu order. The first is the role's home, where the
// landing page and sign-in send them. /account (password, API keys) is every role's.
import type { UserRole } from "@/db/schema";

/** Each role's pages, in menu order; the first is the role's home. */
export const NAVIGATION: Record<UserRole, ReadonlyArray<{ href: string; label: string }>> = {
  member: [
    { href: "/member", label: "Home" },
    { href: "/member/coaches", label: "Book" },
    { href: "/member/classes", label: "Classes" },
    { href: "/member/sessions", label: "My sessions" },
    { href: "/member/recurring", label: "Recurring" },
    { href: "/account", label: "Account" },
  ],
  coach: [
    { href: "/coach", label: "Calendar" },
    { href: "/coach/classes", label: "Classes" },
    { href: "/coach/availability", label: "Availability" },
    { href: "/coach/conflicts", label: "Conflicts" },
    { href: "/account", label: "Account" },
  ],
  owner: [
    { href: "/owner", label: "Overview" },
    { href: "/owner/people", label: "People" },
    { href: "/owner/calendar", label: "Calendars" },
    { href: "/owner/classes", label: "Classes" },
    { href: "/owner/generation", label: "Generation" },
    { href: "/owner/outbox", label: "Outbox" },
    { href: "/owner/settings", label: "Settings" },
    { href: "/account", label: "Account" },
  ],
};

/** Each role's home page. */
export const ROLE_HOME = Object.fromEntries(
  Object.entries(NAVIGATION).map(([role, links]) => [role, links[0]!.href]),
) as Record<UserRole, string>;
