// POST /api/v1/bookings { coachId, startsAt, endsAt, memberId? } — book one session (201); 409 when the time is taken.
import { z } from "zod";
import { createOneTimeBooking, type CreateOneTimeBookingInput } from "@/server/bookings/create-one-time-booking";
import { apiRoute } from "../../_lib/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  // The use case parses the fields (its instants become Dates there).
  body: z.record(z.string(), z.unknown()),
  status: 201,
  handle: ({ db, actor, body }) =>
    createOneTimeBooking({ db, actor, input: body as CreateOneTimeBookingInput }),
});
