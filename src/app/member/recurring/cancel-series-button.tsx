"use client";
// Stops a series: this and all future sessions are cancelled; past ones
// keep their status.
import { cancelRecurringBookingAction } from "@/actions/recurring-booking-actions";
import { ConfirmButton } from "@/components/ui/dialog";
import { useAction } from "@/components/use-action";

export function CancelSeriesButton({ seriesId, rule }: { seriesId: string; rule: string }) {
  const cancel = useAction(cancelRecurringBookingAction);
  return (
    <ConfirmButton
      label="Cancel series"
      title="Cancel this and all future sessions?"
      description={`${rule}: every upcoming session of this series is cancelled. Past sessions stay as they are.`}
      confirmLabel="Cancel the series"
      pendingLabel="Cancelling…"
      onConfirm={() => cancel.confirm({ recurringBookingId: seriesId, futureOnly: true })}
    />
  );
}
