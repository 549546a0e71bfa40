"use client";
// "Retry": a failed message becomes pending again and the worker is woken.
import { retryOutboxMessageAction } from "@/actions/outbox-actions";
import { Button } from "../ui/button";
import { Notice } from "../ui/card";
import { errorMessage, useAction } from "../use-action";

export function RetryMessageButton({ id }: { id: string }) {
  const { run, pending, error } = useAction(retryOutboxMessageAction);
  return (
    <div className="grid gap-2">
      <Button size="sm" variant="secondary" pending={pending} pendingLabel="Retrying…" onClick={() => void run({ id })}>
        Retry
      </Button>
      {error ? <Notice tone="error">{errorMessage(error)}</Notice> : null}
    </div>
  );
}
