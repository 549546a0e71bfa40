"use client";
// Removing extra hours or time off, after a confirmation. Removing extra
// hours may leave booked sessions outside availability: they are kept, and
// the page says which.
import { useState } from "react";
import { deleteAvailabilityAdditionAction, deleteTimeOffAction } from "@/actions/availability-actions";
import { Notice } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/dialog";
import type { SessionView } from "@/server/sessions/session-view";
import { AffectedSessionList } from "./time-views";
import { useAction } from "@/components/use-action";

export function RemoveExtraHoursButton({ coachId, id, summary, viewerZone }: { coachId: string; id: string; summary: string; viewerZone: string }) {
  const remove = useAction(deleteAvailabilityAdditionAction);
  const [kept, setKept] = useState<SessionView[]>([]);
  return (
    <>
      <ConfirmButton
        label={<>Remove<span className="sr-only"> extra hours {summary}</span></>}
        title="Remove these extra hours?"
        description={`${summary}. Members can no longer book this time. Sessions already booked in it are kept.`}
        confirmLabel="Remove"
        pendingLabel="Removing…"
        onConfirm={() => remove.confirm({ coachId, id }, (result) => setKept(result.affected))}
      />
      {kept.length > 0 && (
        <Notice tone="warning" className="mt-2 w-full">
          Kept, now outside your availability (cancel them from your calendar if needed):
          <AffectedSessionList sessions={kept} zone={viewerZone} />
        </Notice>
      )}
    </>
  );
}

export function RemoveTimeOffButton({ coachId, id, summary }: { coachId: string; id: string; summary: string }) {
  const remove = useAction(deleteTimeOffAction);
  return (
    <ConfirmButton
      label={<>Remove<span className="sr-only"> time off {summary}</span></>}
      title="Remove this time off?"
      description={`${summary}. Members can book this time again (sessions cancelled for it stay cancelled).`}
      confirmLabel="Remove"
      pendingLabel="Removing…"
      onConfirm={() => remove.confirm({ coachId, id })}
    />
  );
}
