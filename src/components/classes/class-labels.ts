// How the class pages word a class's places and a place's status, in one
// place so the timetable, "My classes" and the roster agree.
import type { EnrolmentCancelCause, EnrolmentStatus } from "@/domain/enrolment";
import type { ClassView } from "@/server/classes/class-view";

/** "3 places left", "1 place left", "Full · 4 waiting", "Full". */
export function placesLabel(view: Pick<ClassView, "placesLeft" | "waitlisted">): string {
  if (view.placesLeft > 0) return `${view.placesLeft} ${view.placesLeft === 1 ? "place" : "places"} left`;
  return view.waitlisted > 0 ? `Full · ${view.waitlisted} waiting` : "Full";
}

/** "5/8 places taken · 2 waiting": the coach's count. */
export function takenLabel(view: Pick<ClassView, "confirmed" | "capacity" | "waitlisted">): string {
  return `${view.confirmed}/${view.capacity} places taken${view.waitlisted > 0 ? ` · ${view.waitlisted} waiting` : ""}`;
}

/** A member's own place: "You're in", "Waitlist #2", "Attended", "No-show". */
export function myPlaceLabel(place: { status: EnrolmentStatus; position: number | null }): string {
  switch (place.status) {
    case "confirmed":
      return "You're in";
    case "waitlisted":
      return place.position === null ? "On the waitlist" : `Waitlist #${place.position}`;
    case "attended":
      return "Attended";
    case "no_show":
      return "No-show";
    case "cancelled":
      return "Cancelled";
  }
}

/** A place on the roster, as the coach reads it. */
export function rosterStatusLabel(place: { status: EnrolmentStatus; position: number | null }): string {
  switch (place.status) {
    case "confirmed":
      return "Confirmed";
    case "waitlisted":
      return place.position === null ? "Waitlisted" : `Waitlist #${place.position}`;
    case "attended":
      return "Attended";
    case "no_show":
      return "No-show";
    case "cancelled":
      return "Cancelled";
  }
}

/** Why a place ended. */
export function cancelCauseLabel(cause: EnrolmentCancelCause | null): string {
  switch (cause) {
    case "member":
      return "given up by the member";
    case "coach":
      return "removed by the coach";
    case "owner":
      return "removed by the owner";
    case "class_cancelled":
      return "the class was cancelled";
    case "promoted_elsewhere":
      return "got a place in another class at that time";
    case "standing_place_ended":
      return "the standing place ended";
    default:
      return "cancelled";
  }
}

/** Badge colours per place status. */
export const PLACE_STYLES: Record<EnrolmentStatus, string> = {
  confirmed: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  attended: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  waitlisted: "bg-amber-50 text-amber-900 ring-amber-200",
  no_show: "bg-amber-50 text-amber-900 ring-amber-200",
  cancelled: "bg-slate-100 text-slate-700 ring-slate-200",
};
