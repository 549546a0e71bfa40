// GET /api/v1/enrolments[?from&to&status] — "my classes": the caller's places (a coach: in their classes; the owner: all), with their classes.
import { listEnrolments, listEnrolmentsInput } from "@/server/classes/list-enrolments";
import { apiRoute } from "../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  query: listEnrolmentsInput,
  handle: ({ db, actor, query }) => listEnrolments({ db, actor, input: query }),
});
