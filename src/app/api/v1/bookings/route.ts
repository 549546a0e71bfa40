// POST /api/v1/bookings { coachId, startsAt, endsAt, memberId? } — book one session (201); 409 when the time is taken.
import { createOneTimeBooking, createOneTimeBookingInput } from "@/server/bookings/create-one-time-booking";
import { apiRoute } from "../../_lib/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  body: createOneTimeBookingInput,
  status: 201,
  handle: ({ db, actor, body }) => createOneTimeBooking({ db, actor, input: body }),
});
