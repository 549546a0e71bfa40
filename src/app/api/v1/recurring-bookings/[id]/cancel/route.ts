// POST /api/v1/recurring-bookings/:id/cancel { futureOnly? = true } — cancel a series; answers how many sessions were cancelled.
import { z } from "zod";
import { cancelRecurringBooking, cancelRecurringBookingBody } from "@/server/bookings/cancel-recurring-booking";
import { apiRoute } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  params: z.object({ id: z.string() }),
  body: cancelRecurringBookingBody,
  handle: ({ db, actor, params, body }) =>
    cancelRecurringBooking({ db, actor, input: { recurringBookingId: params.id, futureOnly: body.futureOnly } }),
});
