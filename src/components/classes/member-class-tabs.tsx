// The three views of a member's classes: the week's timetable, their own
// places, and the weekly classes they may hold a standing place in.
import Link from "next/link";
import { cn } from "@/lib/cn";

const TABS = [
  { href: "/member/classes", label: "Timetable" },
  { href: "/member/classes/mine", label: "My classes" },
  { href: "/member/classes/weekly", label: "Weekly classes" },
] as const;

export type MemberClassTab = (typeof TABS)[number]["href"];

export function MemberClassTabs({ current }: { current: MemberClassTab }) {
  return (
    <nav aria-label="Classes" className="mb-4 flex flex-wrap gap-2">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? "page" : undefined}
          className={cn(
            "inline-flex min-h-11 items-center rounded-lg px-4 text-sm font-medium",
            tab.href === current ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
