// Every /coach page: coachs only (others are sent to /not-allowed).
import type { ReactNode } from "react";
import { RoleLayout } from "@/components/role-layout";

export const dynamic = "force-dynamic";

export default function CoachLayout({ children }: { children: ReactNode }) {
  return <RoleLayout role="coach">{children}</RoleLayout>;
}
