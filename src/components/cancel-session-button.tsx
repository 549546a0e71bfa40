"use client";
// Cancels one session (one occurrence of a series, or a one-time session)
// after a confirmation that may carry a reason.
import { cancelSessionAction } from "@/app/actions/session-actions";
import { ConfirmButton } from "./ui/dialog";
import { errorMessage } from "./use-action";
import { useRouter } from "next/navigation";

export function CancelSessionButton({ sessionId, label }: { sessionId: string; label: string }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label={label}
      title="Cancel this session?"
      description="The slot becomes free for others. A recurring series goes on with its other dates."
      reasonLabel="Reason (optional)"
      confirmLabel="Cancel session"
      pendingLabel="Cancelling…"
      onConfirm={async (reason) => {
        const result = await cancelSessionAction({ id: sessionId, ...(reason ? { reason } : {}) });
        if (!result.ok) return errorMessage(result.error);
        router.refresh();
        return null;
      }}
    />
  );
}
