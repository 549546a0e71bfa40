// GET  /api/v1/recurring-bookings?status=active|cancelled|all — the series the actor may see, each with its next 10 sessions.
// POST /api/v1/recurring-bookings — book a weekly series (201 with the series, its sessions and skipped dates; 409 lists conflicts).
import { createRecurringBooking, createRecurringBookingInput } from "@/server/bookings/create-recurring-booking";
import { listRecurringBookings, listRecurringBookingsInput } from "@/server/bookings/list-recurring-bookings";
import { apiRoute } from "../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  query: listRecurringBookingsInput,
  handle: async ({ db, actor, query }) => ({
    recurringBookings: await listRecurringBookings({ db, actor, input: query }),
  }),
});

export const POST = apiRoute({
  body: createRecurringBookingInput,
  status: 201,
  handle: ({ db, actor, body }) => createRecurringBooking({ db, actor, input: body }),
});
