// The narrow centred card that sign-in and sign-up pages sit in.
import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

export function AuthCard({ title, children, footer }: { title: string; children: ReactNode; footer: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-5 py-12">
      <Link href="/" className="mb-6 text-lg font-semibold text-brand-700">
        Coachbook
      </Link>
      <Card>
        <h1 className="mb-4 text-xl font-semibold">{title}</h1>
        {children}
      </Card>
      <p className="mt-4 text-center text-sm text-slate-600">{footer}</p>
    </main>
  );
}
