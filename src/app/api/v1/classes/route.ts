// GET  /api/v1/classes?from&to[&coachId] — the class timetable, with places left and the caller's own place.
// POST /api/v1/classes { coachId, title, startsAt, endsAt, capacity } — schedule a one-off class (201; 409 over time off or another session).
import { createClass, createClassInput } from "@/server/classes/create-class";
import { listClasses, listClassesInput } from "@/server/classes/list-classes";
import { apiRoute } from "../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  query: listClassesInput,
  handle: async ({ db, actor, query }) => ({ classes: await listClasses({ db, actor, input: query }) }),
});

export const POST = apiRoute({
  body: createClassInput,
  status: 201,
  handle: ({ db, actor, body }) => createClass({ db, actor, input: body }),
});
