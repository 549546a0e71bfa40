"use client";
// A member's standing place in one weekly class: "Take a standing place"
// (a place in each of its classes from now on, or the waitlist where one
// is full), or "Cancel standing place" (its upcoming places are given up).
import { useState } from "react";
import { cancelStandingPlaceAction, createStandingPlaceAction } from "@/actions/class-actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/dialog";
import { errorMessage, useAction } from "@/components/use-action";

export function StandingPlaceControls({
  seriesId,
  summary,
  standingPlaceId,
}: {
  seriesId: string;
  /** "Evening mobility, Every Wednesday 18:30–19:30". */
  summary: string;
  standingPlaceId: string | null;
}) {
  const take = useAction(createStandingPlaceAction);
  const cancel = useAction(cancelStandingPlaceAction);
  const [done, setDone] = useState<string | null>(null);

  async function takePlace() {
    setDone(null);
    const result = await take.run({ seriesId });
    if (!result) return;
    const places = result.enrolments.filter((enrolment) => enrolment.status === "confirmed").length;
    const waiting = result.enrolments.filter((enrolment) => enrolment.status === "waitlisted").length;
    setDone(
      `Standing place taken: a place in ${places} ${places === 1 ? "class" : "classes"} so far` +
        (waiting > 0 ? `, the waitlist in ${waiting} full ${waiting === 1 ? "one" : "ones"}.` : "."),
    );
  }

  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center gap-2">
        {standingPlaceId ? (
          <>
            <Badge className="bg-emerald-50 text-sm text-emerald-900 ring-emerald-200">You have a standing place</Badge>
            <ConfirmButton
              label={
                <>
                  Cancel standing place<span className="sr-only">: {summary}</span>
                </>
              }
              title="Cancel your standing place?"
              description={`${summary}. Your places in its upcoming classes are given up; past ones stay as they were.`}
              confirmLabel="Cancel standing place"
              pendingLabel="Cancelling…"
              onConfirm={() => cancel.confirm({ id: standingPlaceId }, (result) => setDone(`Standing place cancelled; ${result.cancelledPlaces} upcoming ${result.cancelledPlaces === 1 ? "place" : "places"} given up.`))}
            />
          </>
        ) : (
          <Button size="sm" pending={take.pending} pendingLabel="Taking…" onClick={() => void takePlace()}>
            Take a standing place<span className="sr-only">: {summary}</span>
          </Button>
        )}
      </div>
      {take.error && <Notice tone="error">Could not take a standing place: {errorMessage(take.error)}</Notice>}
      {done && <Notice tone="success">{done}</Notice>}
    </div>
  );
}
