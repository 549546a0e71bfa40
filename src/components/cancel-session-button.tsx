"use client";
// Cancels one session (one occurrence of a series, or a one-time session)
// after a confirmation that may carry a reason. Members, coaches and the
// owner use the same button; what the dialog says is theirs to choose.
import type { ReactNode } from "react";
import { cancelSessionAction } from "@/actions/session-actions";
import { ConfirmButton } from "./ui/dialog";
import { useAction } from "./use-action";

export function CancelSessionButton({
  sessionId,
  label = "Cancel",
  description,
  reasonLabel = "Reason (optional)",
}: {
  sessionId: string;
  label?: ReactNode;
  description: string;
  reasonLabel?: string;
}) {
  const cancel = useAction(cancelSessionAction);
  return (
    <ConfirmButton
      label={label}
      title="Cancel this session?"
      description={description}
      reasonLabel={reasonLabel}
      confirmLabel="Cancel session"
      pendingLabel="Cancelling…"
      onConfirm={(reason) => cancel.confirm({ id: sessionId, ...(reason ? { reason } : {}) })}
    />
  );
}
