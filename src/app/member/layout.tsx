// Every /member page: members only (others are sent to /not-allowed).
import type { ReactNode } from "react";
import { RoleLayout } from "@/components/role-layout";

export const dynamic = "force-dynamic";

export default function MemberLayout({ children }: { children: ReactNode }) {
  return <RoleLayout role="member">{children}</RoleLayout>;
}
