"use client";
// The coach (or the owner) takes a member's place, or waitlist place, away
// before the class starts; a freed place goes to the first on the waitlist.
import { cancelEnrolmentAction } from "@/actions/class-actions";
import { ConfirmButton } from "@/components/ui/dialog";
import { useAction } from "@/components/use-action";

export function RemovePlaceButton({ enrolmentId, memberName, waitlisted }: { enrolmentId: string; memberName: string; waitlisted: boolean }) {
  const cancel = useAction(cancelEnrolmentAction);
  return (
    <ConfirmButton
      label={
        <>
          Remove<span className="sr-only">: {memberName}</span>
        </>
      }
      title={waitlisted ? `Take ${memberName} off the waitlist?` : `Remove ${memberName} from the class?`}
      description={waitlisted ? "They leave the waitlist." : "Their place goes to the first person on the waitlist, or stays open."}
      confirmLabel="Remove"
      pendingLabel="Removing…"
      onConfirm={() => cancel.confirm({ id: enrolmentId })}
    />
  );
}
