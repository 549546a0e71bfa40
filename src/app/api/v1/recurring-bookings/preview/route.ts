// POST /api/v1/recurring-bookings/preview — every occurrence up to the horizon with whether it fits; books nothing.
import { createRecurringBookingInput, previewRecurringBooking } from "@/server/bookings/create-recurring-booking";
import { apiRoute } from "../../../_lib/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  body: createRecurringBookingInput,
  handle: ({ db, actor, body }) => previewRecurringBooking({ db, actor, input: body }),
});
