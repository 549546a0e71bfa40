"use server";
// Server actions for one-time bookings (recurring ones are in
// recurring-booking-actions.ts). Each calls one use case; no rule lives here.
import { createOneTimeBooking, type CreateOneTimeBookingInput } from "@/server/bookings/create-one-time-booking";
import { runAction } from "./action-result";

export async function createOneTimeBookingAction(input: CreateOneTimeBookingInput) {
  return runAction("createOneTimeBooking", ({ db, actor }) => createOneTimeBooking({ db, actor, input }));
}
