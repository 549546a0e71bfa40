// Small labels: a session's status (one colour per state of
// src/domain/session-status.ts) and a generic badge.
import type { ReactNode } from "react";
import type { SessionStatus } from "@/db/schema";
import { cn } from "@/lib/cn";

const statusStyles: Record<SessionStatus, { label: string; className: string }> = {
  scheduled: { label: "Scheduled", className: "bg-brand-50 text-brand-800 ring-brand-100" },
  completed: { label: "Completed", className: "bg-emerald-50 text-emerald-900 ring-emerald-200" },
  cancelled: { label: "Cancelled", className: "bg-slate-100 text-slate-700 ring-slate-200" },
  no_show: { label: "No-show", className: "bg-amber-50 text-amber-900 ring-amber-200" },
};

export function Badge({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <span className={cn("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", className)}>
      {children}
    </span>
  );
}

export function StatusBadge({ status }: { status: SessionStatus }) {
  const style = statusStyles[status];
  return <Badge className={style.className}>{style.label}</Badge>;
}
