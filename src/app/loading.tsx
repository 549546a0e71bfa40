// Shown while a page's data loads (navigations stream this at once).
import { Spinner } from "@/components/ui/button";

export default function Loading() {
  return (
    <div role="status" className="flex items-center gap-2 p-6 text-sm text-slate-600">
      <Spinner /> Loading…
    </div>
  );
}
