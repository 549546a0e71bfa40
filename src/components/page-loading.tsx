// Shown while a page's data loads, inside its role's shell (each role folder's loading.tsx).
// Not at the root: there it would wrap the role layouts, and their redirect
// (to sign-in, or /not-allowed) would arrive streamed instead of as a 307.
import { Spinner } from "@/components/ui/button";

export default function Loading() {
  return (
    <div role="status" className="flex items-center gap-2 p-6 text-sm text-slate-600">
      <Spinner /> Loading…
    </div>
  );
}
