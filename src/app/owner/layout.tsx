// Every /owner page: owners only (others are sent to /not-allowed).
import type { ReactNode } from "react";
import { RoleLayout } from "@/components/role-layout";

export const dynamic = "force-dynamic";

export default function OwnerLayout({ children }: { children: ReactNode }) {
  return <RoleLayout role="owner">{children}</RoleLayout>;
}
