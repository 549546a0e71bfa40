"use client";
// Resolving one conflict: "Book it now" retries placing the occurrence (the
// use case answers why when the time is still taken, shown here), "Dismiss"
// lets it go after a confirmation with an optional note.
import { resolveConflictAction } from "@/actions/conflict-actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/dialog";
import { errorMessage, useAction } from "@/components/use-action";

export function ConflictActions({ id, summary, canRetry }: { id: string; summary: string; canRetry: boolean }) {
  const retry = useAction(resolveConflictAction);
  const dismiss = useAction(resolveConflictAction);
  return (
    <div className="mt-3">
      <div className="flex flex-wrap gap-2">
        {canRetry && (
          <Button size="sm" onClick={() => void retry.run({ id, action: "retry" })} pending={retry.pending} pendingLabel="Booking…">
            Book it now<span className="sr-only">: {summary}</span>
          </Button>
        )}
        <ConfirmButton
          label={<>Dismiss<span className="sr-only">: {summary}</span></>}
          title="Dismiss this conflict?"
          description={`${summary}. The session stays unbooked; the rest of the series is not affected.`}
          reasonLabel="Note (optional)"
          confirmLabel="Dismiss"
          pendingLabel="Dismissing…"
          onConfirm={(note) => dismiss.confirm({ id, action: "dismiss", ...(note ? { note } : {}) })}
        />
      </div>
      {retry.error && (
        <Notice tone="error" className="mt-2">
          Could not book it: {errorMessage(retry.error)}
        </Notice>
      )}
    </div>
  );
}
