"use server";
// Server actions for recurring bookings (DESIGN.md's interface names). Each
// resolves the signed-in user from the request's cookie, calls one use case
// and answers an ActionResult; no rule lives here.
import { cancelRecurringBooking, type CancelRecurringBookingInput } from "@/server/bookings/cancel-recurring-booking";
import {
  createRecurringBooking,
  previewRecurringBooking,
  type CreateRecurringBookingInput,
} from "@/server/bookings/create-recurring-booking";
import { listRecurringBookings } from "@/server/bookings/list-recurring-bookings";
import { runAction } from "./action-result";

export async function createRecurringBookingAction(input: CreateRecurringBookingInput) {
  return runAction("createRecurringBooking", ({ db, actor }) => createRecurringBooking({ db, actor, input }));
}

/** Every occurrence up to the horizon with whether it fits, before confirming. */
export async function previewRecurringBookingAction(input: CreateRecurringBookingInput) {
  return runAction("previewRecurringBooking", ({ db, actor }) => previewRecurringBooking({ db, actor, input }));
}

export async function cancelRecurringBookingAction(input: CancelRecurringBookingInput) {
  return runAction("cancelRecurringBooking", ({ db, actor }) => cancelRecurringBooking({ db, actor, input }));
}

/** Every recurring booking of the signed-in member, each with its next 10 upcoming sessions. */
export async function getMyRecurringBookingsAction() {
  return runAction("getMyRecurringBookings", ({ db, actor }) => listRecurringBookings({ db, actor, input: { status: "all" } }));
}
