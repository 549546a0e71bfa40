"use client";
// The buttons under one session of a week calendar: cancel a future one
// (with an optional reason the member sees) or mark a started one no-show.
// Which buttons appear is decided by the server component from the
// session's status and time; the use case decides whether it is allowed.
import { markNoShowAction } from "@/actions/session-actions";
import { CancelSessionButton } from "./cancel-session-button";
import { ConfirmButton } from "./ui/dialog";
import { useAction } from "./use-action";

export function SessionActions({
  sessionId,
  summary,
  canCancel,
  canMarkNoShow,
}: {
  sessionId: string;
  /** "Alex Member, Tue 1 Dec, 10:00–11:00": what the dialog is about. */
  summary: string;
  canCancel: boolean;
  canMarkNoShow: boolean;
}) {
  const noShow = useAction(markNoShowAction);
  if (!canCancel && !canMarkNoShow) return null;
  return (
    <div className="mt-2 flex flex-wrap gap-2">
      {canCancel && (
        <CancelSessionButton
          sessionId={sessionId}
          label={<>Cancel<span className="sr-only"> session: {summary}</span></>}
          description={`${summary}. The member sees it as cancelled, with your reason.`}
          reasonLabel="Reason (optional, shown to the member)"
        />
      )}
      {canMarkNoShow && (
        <ConfirmButton
          label={<>Mark no-show<span className="sr-only">: {summary}</span></>}
          title="Mark as no-show?"
          description={`${summary}. The member did not come; the session counts as a no-show.`}
          confirmLabel="Mark no-show"
          pendingLabel="Marking…"
          onConfirm={() => noShow.confirm({ id: sessionId })}
        />
      )}
    </div>
  );
}
