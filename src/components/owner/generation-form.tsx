"use client";
// "Generate sessions": weeks ahead (1–52, the use case says what is wrong
// with any other value), a pending state while the run lasts, and the run's
// counts once it is recorded. The list of runs below refreshes on success.
import { useState, type FormEvent } from "react";
import { runGenerationAction } from "@/actions/generation-actions";
import type { GenerationRunView } from "@/server/sessions/generation-run-view";
import { Button } from "../ui/button";
import { Notice } from "../ui/card";
import { TextField } from "../ui/field";
import { errorMessage, useAction } from "../use-action";
import { formatDuration } from "./generation-runs";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function GenerationForm({ defaultWeeks }: { defaultWeeks: number }) {
  const { run, pending, error, fieldError } = useAction(runGenerationAction);
  const [weeks, setWeeks] = useState(String(defaultWeeks));
  const [result, setResult] = useState<GenerationRunView | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult(null);
    // Blank or not a number reaches the use case as 0 / NaN, which it refuses by name.
    setResult(await run({ weeksAhead: Number(weeks.trim()) }));
  }

  const weeksError = fieldError("weeksAhead");
  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <TextField
        label="Weeks ahead"
        hint="1 to 52 weeks from today."
        name="weeksAhead"
        type="number"
        inputMode="numeric"
        min={1}
        max={52}
        value={weeks}
        onChange={(event) => setWeeks(event.target.value)}
        error={weeksError}
        className="max-w-48"
      />
      <div>
        <Button type="submit" pending={pending} pendingLabel="Generating…">
          Generate sessions
        </Button>
      </div>
      {error && !weeksError && <Notice tone="error">{errorMessage(error)}</Notice>}
      {result && (
        <Notice tone={result.status === "succeeded" ? "success" : "error"}>
          <span data-testid="generation-result">
            {result.status === "succeeded" ? "Done: " : "The run failed: "}
            {plural(result.created, "session", "sessions")} created, {plural(result.conflicts, "conflict", "conflicts")},{" "}
            {plural(result.completed, "past session", "past sessions")} marked completed
            {result.durationMs !== null && <> in {formatDuration(result.durationMs)}</>}.
            {result.conflicts > 0 && " Each coach sees their conflicts and can resolve them."}
            {result.error && ` ${result.error}`}
          </span>
        </Notice>
      )}
    </form>
  );
}
