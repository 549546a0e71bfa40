// POST /api/v1/enrolments/:id/attendance { attendance: "attended" | "no_show" } — the coach marks who came, once the class started.
import { z } from "zod";
import { markAttendance, markAttendanceBody } from "@/server/classes/mark-attendance";
import { apiRoute } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  params: z.object({ id: z.string() }),
  body: markAttendanceBody,
  handle: async ({ db, actor, params, body }) => ({ enrolment: await markAttendance({ db, actor, input: { id: params.id, ...body } }) }),
});
