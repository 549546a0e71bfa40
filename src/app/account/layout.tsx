// /account: every signed-in user's own settings, inside their role's app shell.
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { getViewer } from "@/server/viewer";

export const dynamic = "force-dynamic";

export default async function AccountLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer("owner", "coach", "member");
  return (
    <AppShell role={viewer.actor.role} name={viewer.actor.name} zone={viewer.zone}>
      {children}
    </AppShell>
  );
}
