// Input pieces shared by the availability use cases: a time window (an
// addition or a blocked slot), the `from`/`to` filter of their lists, and the
// `cancelAffected` choice, which a query string spells "true"/"false".
import { z } from "zod";
import { freeText, instant } from "../fields";

const MINUTE = 60_000;

/** { startsAt, endsAt, reason? }: ISO instants with an offset, endsAt after startsAt, at most `maxDays` long. */
export function timeWindowBody(maxDays: number) {
  return z
    .strictObject({
      startsAt: instant,
      endsAt: instant,
      reason: freeText.optional(),
    })
    .superRefine((value, context) => {
      const { startsAt, endsAt } = value as { startsAt: unknown; endsAt: unknown };
      if (!(startsAt instanceof Date) || !(endsAt instanceof Date)) return;
      if (endsAt.getTime() <= startsAt.getTime()) {
        context.addIssue({ code: "custom", path: ["endsAt"], message: "Must be after startsAt" });
      } else if (endsAt.getTime() - startsAt.getTime() > maxDays * 24 * 60 * MINUTE) {
        context.addIssue({ code: "custom", path: ["endsAt"], message: `At most ${maxDays} days after startsAt` });
      }
    });
}

/** `cancelAffected` from JSON (a boolean) or from a query string ("true" / "false"). */
export const cancelAffectedFlag = z
  .union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")], {
    error: 'Must be true or false',
  })
  .optional();

/** ?from&to of a list: instants; from defaults to now. */
export const windowFilter = {
  from: instant.optional(),
  to: instant.optional(),
};
