"use client";
// Ends a weekly class: no more classes are made, its upcoming classes are
// cancelled (everyone with a place is told) and its standing places end.
import { cancelClassSeriesAction } from "@/actions/class-actions";
import { ConfirmButton } from "@/components/ui/dialog";
import { useAction } from "@/components/use-action";

export function CancelClassSeriesButton({ seriesId, summary }: { seriesId: string; summary: string }) {
  const cancel = useAction(cancelClassSeriesAction);
  return (
    <ConfirmButton
      label={
        <>
          Cancel series<span className="sr-only">: {summary}</span>
        </>
      }
      title="Cancel this weekly class?"
      description={`${summary}: every upcoming class of it is cancelled and its members are told; standing places end. Past classes stay as they were.`}
      confirmLabel="Cancel the weekly class"
      pendingLabel="Cancelling…"
      onConfirm={() => cancel.confirm({ id: seriesId })}
    />
  );
}
