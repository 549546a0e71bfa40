// A page or record that does not exist (or is not yours to see: the app
// answers both the same way).
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col justify-center px-5 py-12">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-700">There is nothing here. It may have moved, or the link may be wrong.</p>
      <Link href="/" className={`${buttonClasses("primary")} mt-6 self-start`}>
        Go to your home
      </Link>
    </main>
  );
}
