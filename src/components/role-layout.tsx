// The layout of one role's pages: refuses everyone else (getViewer) and
// draws the app shell.
import type { ReactNode } from "react";
import type { UserRole } from "@/db/schema";
import { getViewer } from "@/server/viewer";
import { AppShell } from "./app-shell";

export async function RoleLayout({ role, children }: { role: UserRole; children: ReactNode }) {
  const viewer = await getViewer(role);
  return (
    <AppShell role={role} name={viewer.actor.name} zone={viewer.zone}>
      {children}
    </AppShell>
  );
}
