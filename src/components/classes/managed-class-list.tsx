// A week of one coach's classes for the coach or the owner: each with its
// time, how many places are taken and how many wait, and a link to its
// roster.
import Link from "next/link";
import { SessionTime } from "@/components/session-time";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import type { ClassView } from "@/server/classes/class-view";
import { takenLabel } from "./class-labels";

export function ManagedClassList({ classes, zone, classHref }: { classes: ClassView[]; zone: string; classHref: (id: string) => string }) {
  if (classes.length === 0) return <EmptyState title="No classes this week" />;
  return (
    <ul className="grid gap-2" aria-label="Classes this week">
      {classes.map((view) => (
        <li
          key={view.id}
          className={cn("flex flex-wrap items-start justify-between gap-3 rounded-xl border border-slate-200 p-3", view.status === "cancelled" ? "bg-slate-50" : "bg-white")}
        >
          <div className="min-w-0">
            <Link href={classHref(view.id)} className="font-semibold text-brand-700 underline underline-offset-2">
              {view.title}
            </Link>
            <p className="text-sm">
              <SessionTime startsAt={view.startsAt} endsAt={view.endsAt} zone={zone} coachZone={view.coach.timezone} className="block" />
            </p>
            <p className="text-sm text-slate-700">{takenLabel(view)}</p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge status={view.status} />
            <Badge className="bg-white text-slate-700 ring-slate-200">{view.seriesId ? "Weekly" : "One-off"}</Badge>
          </div>
        </li>
      ))}
    </ul>
  );
}
