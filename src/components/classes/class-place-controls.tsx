"use client";
// A member's own place in one class, and the one tap that changes it:
// "Enrol" (or "Join waitlist" when the class is full), then "You're in" or
// "Waitlist #N" with "Cancel" to give the place up. The badge sits in a
// live region, so a screen reader hears the new place after the tap.
import { cancelEnrolmentAction, enrolInClassAction } from "@/actions/class-actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/dialog";
import { errorMessage, useAction } from "@/components/use-action";
import type { EnrolmentStatus } from "@/domain/enrolment";
import { PLACE_STYLES, myPlaceLabel } from "./class-labels";

export function ClassPlaceControls({
  classId,
  summary,
  place,
  placesLeft,
  open,
}: {
  classId: string;
  /** "Evening mobility, Wed 9 Dec, 17:30–18:30": what the buttons and the dialog are about. */
  summary: string;
  /** The member's own place (not a cancelled one), if any. */
  place: { id: string; status: EnrolmentStatus; position: number | null } | null;
  placesLeft: number;
  /** The class is scheduled and has not started: places can still change. */
  open: boolean;
}) {
  const enrol = useAction(enrolInClassAction);
  const cancel = useAction(cancelEnrolmentAction);
  const live = place !== null && (place.status === "confirmed" || place.status === "waitlisted");
  const waiting = place?.status === "waitlisted";

  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <span aria-live="polite" className="contents">
          {place && <Badge className={`text-sm ${PLACE_STYLES[place.status]}`}>{myPlaceLabel(place)}</Badge>}
        </span>
        {open && live && (
          <ConfirmButton
            label={
              <>
                Cancel<span className="sr-only"> {waiting ? "waitlist place" : "place"}: {summary}</span>
              </>
            }
            title={waiting ? "Leave the waitlist?" : "Give up your place?"}
            description={
              waiting
                ? `${summary}. You leave the waitlist; you can join it again later, at its end.`
                : `${summary}. Your place goes to the first person on the waitlist, or stays open to others.`
            }
            confirmLabel={waiting ? "Leave the waitlist" : "Give up my place"}
            pendingLabel="Cancelling…"
            onConfirm={() => cancel.confirm({ id: place.id })}
          />
        )}
        {open && !place && (
          <Button
            size="sm"
            variant={placesLeft > 0 ? "primary" : "secondary"}
            pending={enrol.pending}
            pendingLabel={placesLeft > 0 ? "Enrolling…" : "Joining…"}
            onClick={() => void enrol.run({ classId })}
          >
            {placesLeft > 0 ? "Enrol" : "Join waitlist"}
            <span className="sr-only">: {summary}</span>
          </Button>
        )}
      </div>
      {enrol.error && !place && <Notice tone="error">Could not enrol: {errorMessage(enrol.error)}</Notice>}
    </div>
  );
}
