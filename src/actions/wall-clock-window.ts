// The availability forms ask for wall-clock dates and times in the coach's
// zone (what a coach thinks in: "Friday 9:00 to 12:00"); the use cases take
// instants. This turns one into the other with the domain's single
// conversion rule (src/domain/time.ts), naming the field a bad value came
// from as the use case would: startsAt or endsAt.
import { z } from "zod";
import { invalidInput } from "@/domain/errors";
import { isValidTimeZone, wallClockEnd, wallClockToInstant } from "@/domain/time";
import { calendarDate, wallClockTime } from "@/server/fields";

export interface WallClockWindowInput {
  /** The zone the dates and times are in (the coach's). */
  zone: string;
  startDate: string;
  startTime: string;
  /** Absent: the same day as startDate (a range within one day). */
  endDate?: string;
  endTime: string;
}

const wallClockWindow = z.strictObject({
  zone: z.string().refine(isValidTimeZone, "Must be an IANA time zone"),
  startDate: calendarDate,
  startTime: wallClockTime,
  endDate: calendarDate.optional(),
  endTime: wallClockTime,
});

const FIELD_OF: Record<string, "startsAt" | "endsAt"> = {
  startDate: "startsAt",
  startTime: "startsAt",
  endDate: "endsAt",
  endTime: "endsAt",
};

/** { startsAt, endsAt } as ISO instants; a bad date or time is an invalid_input naming startsAt / endsAt. */
export function windowInstants(input: WallClockWindowInput): { startsAt: string; endsAt: string } {
  const parsed = wallClockWindow.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      ...issue,
      path: [FIELD_OF[String(issue.path[0])] ?? String(issue.path[0] ?? "input")],
    }));
    throw invalidInput(issues);
  }
  const { zone, startDate, startTime, endDate, endTime } = parsed.data;
  const startsAt = wallClockToInstant(startDate, startTime, zone);
  const endsAt =
    endDate === undefined ? wallClockEnd(startDate, startTime, endTime, zone) : wallClockToInstant(endDate, endTime, zone);
  return { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
}
