"use client";
// Stops a series: this and all future sessions are cancelled; past ones
// keep their status.
import { useRouter } from "next/navigation";
import { cancelRecurringBookingAction } from "@/app/actions/recurring-booking-actions";
import { ConfirmButton } from "@/components/ui/dialog";
import { errorMessage } from "@/components/use-action";

export function CancelSeriesButton({ seriesId, rule }: { seriesId: string; rule: string }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Cancel series"
      title="Cancel this and all future sessions?"
      description={`${rule}: every upcoming session of this series is cancelled. Past sessions stay as they are.`}
      confirmLabel="Cancel the series"
      pendingLabel="Cancelling…"
      onConfirm={async () => {
        const result = await cancelRecurringBookingAction({ recurringBookingId: seriesId, futureOnly: true });
        if (!result.ok) return errorMessage(result.error);
        router.refresh();
        return null;
      }}
    />
  );
}
