"use client";
// Cancels one class: its places and waitlist end, and everyone is told,
// with the reason when one is given.
import { cancelClassAction } from "@/actions/class-actions";
import { ConfirmButton } from "@/components/ui/dialog";
import { useAction } from "@/components/use-action";

export function CancelClassButton({ classId, summary }: { classId: string; summary: string }) {
  const cancel = useAction(cancelClassAction);
  return (
    <ConfirmButton
      label="Cancel class"
      variant="danger"
      size="md"
      title="Cancel this class?"
      description={`${summary}. Everyone with a place or on the waitlist is told.`}
      reasonLabel="Reason (optional, shown to the members)"
      confirmLabel="Cancel the class"
      pendingLabel="Cancelling…"
      onConfirm={(reason) => cancel.confirm({ id: classId, ...(reason ? { reason } : {}) })}
    />
  );
}
