// Messages about a whole weekly series: its confirmation (every date placed
// up to the horizon, and the skipped ones) and its cancellation (the
// upcoming sessions it removed), to the member and the coach, written in the
// transaction that created or cancelled the series.
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import type { RecurringBookingView } from "../bookings/recurring-booking-view";
import { enqueueMessages } from "./enqueue";
import type { DatedSession, SeriesCancelledPayload, SeriesConfirmedPayload, SeriesSnapshot } from "./payloads";

export function seriesSnapshot(view: RecurringBookingView): SeriesSnapshot {
  return {
    id: view.id,
    coachId: view.coach.id,
    coachName: view.coach.name,
    coachZone: view.coach.timezone,
    memberId: view.member.id,
    memberName: view.member.name,
    dayOfWeek: view.dayOfWeek,
    startTime: view.startTime,
    endTime: view.endTime,
    startDate: view.startDate,
    endDate: view.endDate,
    frequency: view.frequency,
  };
}

const recipientsOf = (view: RecurringBookingView) => [view.member.id, view.coach.id];

export function enqueueSeriesConfirmed(
  db: DatabaseOrTransaction,
  view: RecurringBookingView,
  placed: DatedSession[],
  skipped: SeriesConfirmedPayload["skipped"],
): Promise<number> {
  const payload: SeriesConfirmedPayload = { series: seriesSnapshot(view), sessions: placed, skipped };
  return enqueueMessages(
    db,
    recipientsOf(view).map((recipientId) => ({ kind: "series_confirmed", recipientId, payload: { ...payload } })),
  );
}

export function enqueueSeriesCancelled(
  db: DatabaseOrTransaction,
  view: RecurringBookingView,
  removed: DatedSession[],
  actor: Pick<Actor, "id" | "name" | "role">,
): Promise<number> {
  const payload: SeriesCancelledPayload = {
    series: seriesSnapshot(view),
    sessions: removed,
    by: { id: actor.id, name: actor.name, role: actor.role },
  };
  return enqueueMessages(
    db,
    recipientsOf(view).map((recipientId) => ({ kind: "series_cancelled", recipientId, payload: { ...payload } })),
  );
}
