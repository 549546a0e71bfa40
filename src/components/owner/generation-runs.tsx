// Runs of the session generator as the owner sees them: when (in the
// viewer's zone), what started it, how far ahead, what it created, marked
// completed or could not place, how long it took, and why a run failed.
// Used by the generation panel (the list) and the overview (the latest run).
import type { GenerationRunView } from "@/server/sessions/generation-run-view";
import { formatDay, formatTime } from "@/lib/time-format";
import { cn } from "@/lib/cn";
import { Badge } from "../ui/badge";

const TRIGGERS: Record<string, string> = {
  admin: "By hand",
  cron: "Nightly (cron)",
  scheduler: "Nightly (server)",
  cli: "Command line",
  seed: "Demo data",
};

const STATUS_STYLES: Record<GenerationRunView["status"], { label: string; className: string }> = {
  succeeded: { label: "Succeeded", className: "bg-emerald-50 text-emerald-900 ring-emerald-200" },
  running: { label: "Running", className: "bg-brand-50 text-brand-800 ring-brand-100" },
  failed: { label: "Failed", className: "bg-red-50 text-red-900 ring-red-200" },
};

export function triggerLabel(trigger: string): string {
  return TRIGGERS[trigger] ?? trigger;
}

/** "80 ms", "2.4 s", "12 s", "2 min 5 s". */
export function formatDuration(durationMs: number): string {
  if (durationMs < 1000) return `${Math.round(durationMs)} ms`;
  if (durationMs < 10_000) return `${(durationMs / 1000).toFixed(1)} s`;
  const seconds = Math.round(durationMs / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

export function RunStatusBadge({ status }: { status: GenerationRunView["status"] }) {
  const style = STATUS_STYLES[status];
  return <Badge className={style.className}>{style.label}</Badge>;
}

/** "12 created · 0 conflicts · 3 completed" as a small definition list. */
export function RunCounts({ run, className }: { run: GenerationRunView; className?: string }) {
  const counts = [
    ["Created", run.created],
    ["Conflicts", run.conflicts],
    ["Completed", run.completed],
  ] as const;
  return (
    <dl className={cn("flex flex-wrap gap-x-4 gap-y-1 text-sm", className)}>
      {counts.map(([label, value]) => (
        <div key={label} className="flex items-baseline gap-1">
          <dt className="text-slate-600">{label}</dt>
          <dd className={cn("font-semibold tabular-nums", label === "Conflicts" && value > 0 ? "text-amber-800" : "text-slate-900")}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** When and how a run started: "Tue 24 Nov, 21:32 · By hand (Olivia Owner) · 8 weeks ahead". */
export function RunSummary({ run, zone }: { run: GenerationRunView; zone: string }) {
  return (
    <p className="text-sm text-slate-700">
      <time dateTime={run.startedAt} className="font-medium text-slate-900">
        {formatDay(run.startedAt, zone)}, {formatTime(run.startedAt, zone)}
      </time>
      {" · "}
      {triggerLabel(run.trigger)}
      {run.requestedBy && <> ({run.requestedBy.name})</>}
      {" · "}
      {run.weeksAhead} {run.weeksAhead === 1 ? "week" : "weeks"} ahead
      {run.durationMs !== null && <> · {formatDuration(run.durationMs)}</>}
    </p>
  );
}

export function GenerationRunList({ runs, zone }: { runs: GenerationRunView[]; zone: string }) {
  return (
    <ol className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white" aria-label="Generation runs, newest first">
      {runs.map((run) => (
        <li key={run.id} className="grid gap-1.5 px-4 py-3" data-testid="generation-run">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <RunSummary run={run} zone={zone} />
            <RunStatusBadge status={run.status} />
          </div>
          <RunCounts run={run} />
          {run.error && <p className="text-sm text-red-800">{run.error}</p>}
        </li>
      ))}
    </ol>
  );
}
