// The generation panel: run session generation now, weeks ahead, and the
// last runs (admin, nightly, command line) with their counts — the
// migration guide's manual generation, in the browser.
import type { Metadata } from "next";
import { GenerationForm } from "@/components/owner/generation-form";
import { GenerationRunList } from "@/components/owner/generation-runs";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { sessionHorizonWeeks } from "@/server/config";
import { listGenerationRuns } from "@/server/sessions/list-generation-runs";
import { getViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Generation" };

export default async function GenerationPage() {
  const { actor, db, zone } = await getViewer("owner");
  const runs = await listGenerationRuns({ db, actor, input: { limit: 20 } });
  const horizon = sessionHorizonWeeks();
  return (
    <>
      <PageHeader
        title="Session generation"
        description={`Every night at 02:00 the sessions of each recurring booking are created ${horizon} weeks ahead, and past sessions are marked completed.`}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] lg:items-start">
        <Card>
          <h2 className="text-lg font-semibold">Generate sessions now</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">
            After upgrading from v1, or after changing bookings or availability, run it here instead of waiting for the night:
            this is the manual generation of the migration guide (docs/upgrading-from-v1.md), in the browser. Running it twice
            creates nothing twice.
          </p>
          <GenerationForm defaultWeeks={horizon} />
        </Card>
        <section aria-labelledby="runs-heading">
          <h2 id="runs-heading" className="mb-2 text-lg font-semibold">
            Last runs
          </h2>
          {runs.length ? (
            <GenerationRunList runs={runs} zone={zone} />
          ) : (
            <EmptyState title="No run yet">The first nightly run will be listed here, or run one now.</EmptyState>
          )}
        </section>
      </div>
    </>
  );
}
