"use client";
// The role's menu, marking the current page for sighted and screen-reader
// users alike (aria-current).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

export function NavLinks({ links }: { links: ReadonlyArray<{ href: string; label: string }> }) {
  const pathname = usePathname();
  // The longest matching prefix is current, so "/member" is not current on "/member/sessions".
  const current = links
    .filter((link) => pathname === link.href || pathname.startsWith(`${link.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <ul className="flex gap-1 whitespace-nowrap">
      {links.map((link) => (
        <li key={link.href}>
          <Link
            href={link.href}
            aria-current={link.href === current ? "page" : undefined}
            className={cn(
              "inline-block border-b-2 px-3 py-2 text-sm font-medium",
              link.href === current
                ? "border-brand-600 text-brand-700"
                : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
            )}
          >
            {link.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
