"use server";
// Server actions for group classes: a member's place (enrol, give it up),
// standing places in a weekly class, and the coach's (or the owner's)
// scheduling, cancelling, roster and attendance. Each calls one use case
// and answers an ActionResult; a one-off class's wall-clock date, start and
// length become instants on the way in. No rule lives here.
import { z } from "zod";
import { invalidInput } from "@/domain/errors";
import { isValidTimeZone, wallClockToInstant } from "@/domain/time";
import { cancelClass, type CancelClassInput } from "@/server/classes/cancel-class";
import { cancelClassSeries } from "@/server/classes/cancel-class-series";
import { cancelEnrolment, type CancelEnrolmentInput } from "@/server/classes/cancel-enrolment";
import { cancelStandingPlace } from "@/server/classes/cancel-standing-place";
import { createClass } from "@/server/classes/create-class";
import { createClassSeries, type CreateClassSeriesInput } from "@/server/classes/create-class-series";
import { createStandingPlace } from "@/server/classes/create-standing-place";
import { enrolInClass, type EnrolInClassInput } from "@/server/classes/enrol-in-class";
import { markAttendance, type MarkAttendanceInput } from "@/server/classes/mark-attendance";
import { calendarDate, wallClockTime } from "@/server/fields";
import { runAction, runActionWith } from "./action-result";

export async function enrolInClassAction(input: EnrolInClassInput) {
  return runAction("enrolInClass", ({ db, actor }) => enrolInClass({ db, actor, input }));
}

export async function cancelEnrolmentAction(input: CancelEnrolmentInput) {
  return runAction("cancelEnrolment", ({ db, actor }) => cancelEnrolment({ db, actor, input }));
}

export async function createStandingPlaceAction(input: { seriesId: string; memberId?: string }) {
  return runAction("createStandingPlace", ({ db, actor }) => createStandingPlace({ db, actor, input }));
}

export async function cancelStandingPlaceAction(input: { id: string }) {
  return runAction("cancelStandingPlace", ({ db, actor }) => cancelStandingPlace({ db, actor, input }));
}

/** A one-off class as the coach types it: a date and a start in the coach's zone, and a length. */
export interface OneOffClassInput {
  coachId: string;
  /** The coach's zone, which the date and the start are in. */
  zone: string;
  title: string;
  date: string;
  startTime: string;
  /** Minutes; NaN for an empty box (the use case's endsAt names it). */
  lengthMinutes: number;
  capacity: number;
}

const MAX_LENGTH_MINUTES = 8 * 60;

const wallClockStart = z.strictObject({
  zone: z.string().refine(isValidTimeZone, "Must be an IANA time zone"),
  date: calendarDate,
  startTime: wallClockTime,
  lengthMinutes: z
    .number({ error: "Must be a whole number of minutes" })
    .int("Must be a whole number of minutes")
    .min(5, "At least 5 minutes")
    .max(MAX_LENGTH_MINUTES, "A class lasts at most 8 hours"),
});

/** { startsAt, endsAt }; a bad date or start names startsAt, a bad length endsAt (the use case's fields). */
function classInstants(input: Pick<OneOffClassInput, "zone" | "date" | "startTime" | "lengthMinutes">): { startsAt: string; endsAt: string } {
  const parsed = wallClockStart.safeParse(input);
  if (!parsed.success) {
    throw invalidInput(
      parsed.error.issues.map((issue) => ({ ...issue, path: [issue.path[0] === "lengthMinutes" ? "endsAt" : "startsAt"] })),
    );
  }
  const startsAt = wallClockToInstant(parsed.data.date, parsed.data.startTime, parsed.data.zone);
  const endsAt = new Date(startsAt.getTime() + parsed.data.lengthMinutes * 60_000);
  return { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
}

export async function createClassAction(input: OneOffClassInput) {
  return runActionWith("createClass", input, ({ db, actor }, { coachId, title, capacity, ...when }) =>
    createClass({ db, actor, input: { coachId, title, capacity, ...classInstants(when) } }),
  );
}

export async function createClassSeriesAction(input: CreateClassSeriesInput) {
  return runAction("createClassSeries", ({ db, actor }) => createClassSeries({ db, actor, input }));
}

export async function cancelClassAction(input: CancelClassInput) {
  return runAction("cancelClass", ({ db, actor }) => cancelClass({ db, actor, input }));
}

export async function cancelClassSeriesAction(input: { id: string }) {
  return runAction("cancelClassSeries", ({ db, actor }) => cancelClassSeries({ db, actor, input }));
}

export async function markAttendanceAction(input: MarkAttendanceInput) {
  return runAction("markAttendance", ({ db, actor }) => markAttendance({ db, actor, input }));
}
