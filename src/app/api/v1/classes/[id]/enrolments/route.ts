// GET  /api/v1/classes/:id/enrolments — the roster (the class's coach and the owner).
// POST /api/v1/classes/:id/enrolments { memberId? } — take a place, or a waitlist place when full (201 { enrolment: { id, status, position? } }).
import { z } from "zod";
import { enrolInClass, enrolInClassBody } from "@/server/classes/enrol-in-class";
import { getClass } from "@/server/classes/get-class";
import { AppError } from "@/domain/errors";
import { apiRoute } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  params: z.object({ id: z.string() }),
  handle: async ({ db, actor, params }) => {
    const { roster } = await getClass({ db, actor, input: { id: params.id } });
    if (roster === null) throw new AppError("forbidden", "Only the class's coach and the owner see its roster");
    return { enrolments: roster };
  },
});

export const POST = apiRoute({
  params: z.object({ id: z.string() }),
  body: enrolInClassBody,
  status: 201,
  handle: ({ db, actor, params, body }) => enrolInClass({ db, actor, input: { classId: params.id, ...body } }),
});
