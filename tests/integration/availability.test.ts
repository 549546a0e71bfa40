// The availability use cases on a real database: weekly rules (replace,
// validation naming fields, who may), additions and blocked slots, and what
// each change does to booked sessions — reported, or cancelled when asked,
// never silently. `now` is injected: nothing depends on today.
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { DatabaseOrTransaction } from "@/db";
import {
  availabilityAdditions,
  blockedSlots,
  bookings,
  trainingSessions,
} from "@/db/schema";
import { createAvailabilityAddition } from "@/server/availability/create-availability-addition";
import { createBlockedSlot } from "@/server/availability/create-blocked-slot";
import { deleteAvailabilityAddition } from "@/server/availability/delete-availability-addition";
import { deleteBlockedSlot } from "@/server/availability/delete-blocked-slot";
import { getWeeklyAvailability } from "@/server/availability/get-weekly-availability";
import { listAvailabilityAdditions } from "@/server/availability/list-availability-additions";
import { listBlockedSlots } from "@/server/availability/list-blocked-slots";
import { previewBlockedSlot } from "@/server/availability/preview-blocked-slot";
import { replaceWeeklyAvailability } from "@/server/availability/replace-weekly-availability";
import { listCoaches } from "@/server/coaches/list-coaches";
import { planOccurrences } from "@/server/sessions/occurrences-sql";
import { addPerson, addSeries, addWeeklyRules, clearBusinessData } from "../helpers/people";
import { rejection } from "../helpers/app-error";
import { useMigratedDatabase } from "../helpers/test-database";

let db: DatabaseOrTransaction;

useMigratedDatabase((handle) => {
  db = handle.db;
});

beforeEach(async () => {
  await clearBusinessData(db);
});

// Monday 2027-03-01, 08:00 in New York (EST, -05:00).
const NOW = new Date("2027-03-01T13:00:00Z");

async function addSession(
  coachId: string,
  memberId: string | null,
  startsAt: string,
  endsAt: string,
  extra: { status?: "scheduled" | "cancelled" | "completed"; oneTimeBookingId?: string } = {},
): Promise<string> {
  const [row] = await db
    .insert(trainingSessions)
    .values({ coachId, memberId, startsAt: new Date(startsAt), endsAt: new Date(endsAt), ...extra })
    .returning({ id: trainingSessions.id });
  return row!.id;
}

async function statusOf(id: string) {
  const [row] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, id));
  return row!;
}

async function rulesOf(coachId: string) {
  return (await getWeeklyAvailability({ db, actor: await addPerson(db, "member"), input: { coachId } })).rules;
}

describe("listCoaches", () => {
  it("lists every coach by name with the effective zone, notice and length, and no email", async () => {
    process.env.BUSINESS_TIMEZONE = "Europe/Paris";
    try {
      const zed = await addPerson(db, "coach", { name: "Zed", timezone: "Asia/Kathmandu", minimumNoticeMinutes: 30 });
      const amy = await addPerson(db, "coach", { name: "Amy" });
      await addPerson(db, "member", { name: "Bob" });
      const member = await addPerson(db, "member");

      expect(await listCoaches({ db, actor: member })).toEqual([
        { id: amy.id, name: "Amy", timezone: "Europe/Paris", minimumNoticeMinutes: 120, defaultDuration: 60 },
        { id: zed.id, name: "Zed", timezone: "Asia/Kathmandu", minimumNoticeMinutes: 30, defaultDuration: 60 },
      ]);
      expect((await rejection(listCoaches({ db, actor: null }))).code).toBe("unauthenticated");
    } finally {
      delete process.env.BUSINESS_TIMEZONE;
    }
  });
});

describe("weekly availability", () => {
  it("replaces the whole week in one go and answers it in day and start order", async () => {
    const coach = await addPerson(db, "coach", { timezone: "America/New_York" });
    await addWeeklyRules(db, coach.id, [
      [1, "09:00", "17:00"],
      [3, "09:00", "17:00"],
    ]);

    const result = await replaceWeeklyAvailability({
      db,
      actor: coach,
      now: NOW,
      input: {
        coachId: coach.id,
        rules: [
          { dayOfWeek: 2, startTime: "12:00", endTime: "15:00" },
          { dayOfWeek: 2, startTime: "09:00", endTime: "12:00" }, // back-to-back is fine
          { dayOfWeek: 0, startTime: "00:00", endTime: "23:59" },
        ],
      },
    });

    const expected = [
      { dayOfWeek: 0, startTime: "00:00", endTime: "23:59" },
      { dayOfWeek: 2, startTime: "09:00", endTime: "12:00" },
      { dayOfWeek: 2, startTime: "12:00", endTime: "15:00" },
    ];
    expect(result).toEqual({ coachId: coach.id, timezone: "America/New_York", rules: expected, affected: [], cancelled: 0 });
    expect(await rulesOf(coach.id)).toEqual(expected);

    // An empty week is a valid week: no hours at all.
    await replaceWeeklyAvailability({ db, actor: coach, now: NOW, input: { coachId: coach.id, rules: [] } });
    expect(await rulesOf(coach.id)).toEqual([]);
  });

  it.each([
    ["24:00 as an end", { dayOfWeek: 1, startTime: "09:00", endTime: "24:00" }, "rules.2.endTime"],
    ["minute 60", { dayOfWeek: 1, startTime: "10:60", endTime: "11:00" }, "rules.2.startTime"],
    ["a one-digit hour", { dayOfWeek: 1, startTime: "9:00", endTime: "11:00" }, "rules.2.startTime"],
    ["an end before the start", { dayOfWeek: 1, startTime: "15:00", endTime: "14:00" }, "rules.2.endTime"],
    ["an empty range", { dayOfWeek: 1, startTime: "15:00", endTime: "15:00" }, "rules.2.endTime"],
    ["day 7", { dayOfWeek: 7, startTime: "09:00", endTime: "10:00" }, "rules.2.dayOfWeek"],
    ["an overlap with rules.0", { dayOfWeek: 1, startTime: "11:30", endTime: "13:00" }, "rules.2.startTime"],
    ["an unknown field", { dayOfWeek: 1, startTime: "13:00", endTime: "14:00", room: "A" }, "rules.2.room"],
  ])("refuses %s, naming the field, and writes nothing", async (_name, bad, field) => {
    const coach = await addPerson(db, "coach");
    await addWeeklyRules(db, coach.id, [[5, "08:00", "09:00"]]);
    const error = await rejection(
      replaceWeeklyAvailability({
        db,
        actor: coach,
        now: NOW,
        input: {
          coachId: coach.id,
          rules: [
            { dayOfWeek: 1, startTime: "09:00", endTime: "12:00" },
            { dayOfWeek: 2, startTime: "09:00", endTime: "12:00" },
            bad as never,
          ],
        },
      }),
    );
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fields ?? {})).toEqual([field]);
    expect(await rulesOf(coach.id)).toEqual([{ dayOfWeek: 5, startTime: "08:00", endTime: "09:00" }]);
  });

  it("names the overlapping rule in the message", async () => {
    const coach = await addPerson(db, "coach");
    const error = await rejection(
      replaceWeeklyAvailability({
        db,
        actor: coach,
        input: {
          coachId: coach.id,
          rules: [
            { dayOfWeek: 4, startTime: "09:00", endTime: "12:00" },
            { dayOfWeek: 4, startTime: "08:00", endTime: "09:30" },
          ],
        },
      }),
    );
    expect(error.fields).toEqual({ "rules.1.startTime": "Overlaps rules.0 (Thursday 09:00–12:00)" });
  });

  it("lets the owner manage any coach, a coach only their own, and no member", async () => {
    const owner = await addPerson(db, "owner");
    const coach = await addPerson(db, "coach");
    const other = await addPerson(db, "coach");
    const member = await addPerson(db, "member");
    const input = { coachId: coach.id, rules: [{ dayOfWeek: 1, startTime: "09:00", endTime: "10:00" }] };

    expect((await rejection(replaceWeeklyAvailability({ db, actor: other, input }))).code).toBe("forbidden");
    expect((await rejection(replaceWeeklyAvailability({ db, actor: member, input }))).code).toBe("forbidden");
    expect((await rejection(replaceWeeklyAvailability({ db, actor: null, input }))).code).toBe("unauthenticated");
    expect(await rulesOf(coach.id)).toEqual([]);

    await replaceWeeklyAvailability({ db, actor: owner, input });
    expect(await rulesOf(coach.id)).toHaveLength(1);
    // A member may read a coach's hours; an id that is not a coach's is 404.
    expect((await getWeeklyAvailability({ db, actor: member, input: { coachId: coach.id } })).rules).toHaveLength(1);
    expect((await rejection(getWeeklyAvailability({ db, actor: member, input: { coachId: member.id } }))).code).toBe("not_found");
    expect((await rejection(replaceWeeklyAvailability({ db, actor: owner, input: { ...input, coachId: member.id } }))).code).toBe(
      "not_found",
    );
  });
});

describe("sessions a change of rules leaves outside availability", () => {
  async function bookedCoach() {
    const coach = await addPerson(db, "coach", { timezone: "America/New_York" });
    const member = await addPerson(db, "member", { name: "Mia" });
    await addWeeklyRules(db, coach.id, [[1, "09:00", "17:00"]]); // Mondays
    const sessions = {
      // Monday 2027-03-08 (EST): 10:00 and 16:00 local
      morning: await addSession(coach.id, member.id, "2027-03-08T15:00:00Z", "2027-03-08T16:00:00Z"),
      afternoon: await addSession(coach.id, member.id, "2027-03-08T21:00:00Z", "2027-03-08T22:00:00Z"),
      // Last Monday: before `now`, never reported.
      past: await addSession(coach.id, member.id, "2027-02-22T21:00:00Z", "2027-02-22T22:00:00Z"),
      cancelled: await addSession(coach.id, member.id, "2027-03-15T20:00:00Z", "2027-03-15T21:00:00Z", { status: "cancelled" }),
      // Already outside before the change (an evening session kept from v1): reported too.
      evening: await addSession(coach.id, member.id, "2027-03-08T23:00:00Z", "2027-03-09T00:00:00Z"),
    };
    return { coach, member, sessions };
  }

  const mornings = [{ dayOfWeek: 1, startTime: "09:00", endTime: "12:00" }];

  it("reports the future scheduled sessions the new week leaves outside, and keeps them", async () => {
    const { coach, sessions } = await bookedCoach();
    const result = await replaceWeeklyAvailability({ db, actor: coach, now: NOW, input: { coachId: coach.id, rules: mornings } });

    expect(result.cancelled).toBe(0);
    expect(result.affected.map((session) => session.id)).toEqual([sessions.afternoon, sessions.evening]);
    expect(result.affected[0]).toMatchObject({
      startsAt: "2027-03-08T21:00:00.000Z",
      status: "scheduled",
      member: { name: "Mia" },
      coach: { id: coach.id, timezone: "America/New_York" },
    });
    expect((await statusOf(sessions.afternoon)).status).toBe("scheduled");

    // Read the report, then save the same week again choosing to cancel: exactly the reported ones go.
    const again = await replaceWeeklyAvailability({
      db,
      actor: coach,
      now: NOW,
      input: { coachId: coach.id, rules: mornings, cancelAffected: true },
    });
    expect(again.affected.map((session) => session.id)).toEqual(result.affected.map((session) => session.id));
    expect(again.cancelled).toBe(2);
  });

  it("cancels them in the same transaction when asked, with a reason and the time", async () => {
    const { coach, sessions } = await bookedCoach();
    const result = await replaceWeeklyAvailability({
      db,
      actor: coach,
      now: NOW,
      input: { coachId: coach.id, rules: mornings, cancelAffected: true },
    });

    expect(result.cancelled).toBe(2);
    expect(result.affected.map((session) => [session.id, session.status, session.cancellationReason])).toEqual([
      [sessions.afternoon, "cancelled", "Coach availability changed"],
      [sessions.evening, "cancelled", "Coach availability changed"],
    ]);
    const row = await statusOf(sessions.afternoon);
    expect(row.status).toBe("cancelled");
    expect(row.cancelledAt?.toISOString()).toBe(NOW.toISOString());
    for (const untouched of [sessions.morning, sessions.past]) {
      expect((await statusOf(untouched)).status).toBe("scheduled");
    }
  });

  it("counts availability additions: a session inside one still fits when its day's rule goes", async () => {
    const { coach, sessions } = await bookedCoach();
    await createAvailabilityAddition({
      db,
      actor: coach,
      now: NOW,
      input: { coachId: coach.id, startsAt: "2027-03-08T20:00:00Z", endsAt: "2027-03-08T22:00:00Z" },
    });
    const result = await replaceWeeklyAvailability({ db, actor: coach, now: NOW, input: { coachId: coach.id, rules: [] } });
    // The morning loses its rule; the afternoon sits inside the addition.
    expect(result.affected.map((session) => session.id)).toEqual([sessions.morning, sessions.evening]);
  });

  it("uses the generator's definition: what it reports is what the generator would call outside_availability", async () => {
    const coach = await addPerson(db, "coach", { timezone: "America/New_York" });
    const member = await addPerson(db, "member");
    await addWeeklyRules(db, coach.id, [[0, "00:00", "23:59"]]);
    // Sundays 01:00–01:30 local; 2027-11-07 is the fall-back day, where 01:00 happens twice.
    const seriesId = await addSeries(db, {
      memberId: member.id,
      coachId: coach.id,
      dayOfWeek: 0,
      startTime: "01:00",
      endTime: "01:30",
      startDate: "2027-10-31",
      endDate: "2027-11-14",
    });
    const window = { after: NOW, until: new Date("2027-12-01T00:00:00Z"), businessTimeZone: "UTC", series: { id: seriesId } };
    const planned = await planOccurrences(db, window);
    expect(planned).toHaveLength(3);
    for (const occurrence of planned) {
      await addSession(coach.id, member.id, occurrence.startsAt.toISOString(), occurrence.endsAt.toISOString());
    }

    // Hours shrink to 00:00–01:15 on Sundays, then the generator plans the same series afresh.
    const result = await replaceWeeklyAvailability({
      db,
      actor: coach,
      now: NOW,
      input: { coachId: coach.id, rules: [{ dayOfWeek: 0, startTime: "00:00", endTime: "01:15" }] },
    });
    await db.delete(trainingSessions);
    const replanned = await planOccurrences(db, window);
    expect(result.affected.map((session) => session.startsAt)).toEqual(
      replanned.filter((occurrence) => occurrence.reason === "outside_availability").map((o) => o.startsAt.toISOString()),
    );
    expect(result.affected).toHaveLength(3);
  });
});

describe("availability additions", () => {
  it("adds, lists the upcoming ones in order (or a window), and refuses bad input naming the field", async () => {
    const coach = await addPerson(db, "coach");
    const saturday = await createAvailabilityAddition({
      db,
      actor: coach,
      now: NOW,
      input: { coachId: coach.id, startsAt: "2027-03-06T09:00:00+01:00", endsAt: "2027-03-06T12:00:00+01:00", reason: " Extra day " },
    });
    expect(saturday).toMatchObject({
      coachId: coach.id,
      startsAt: "2027-03-06T08:00:00.000Z",
      endsAt: "2027-03-06T11:00:00.000Z",
      reason: "Extra day",
    });
    const later = await createAvailabilityAddition({
      db,
      actor: coach,
      now: NOW,
      input: { coachId: coach.id, startsAt: "2027-04-03T09:00:00Z", endsAt: "2027-04-03T12:00:00Z" },
    });
    // Already over by now: kept out of the list (written straight to the table).
    await db.insert(availabilityAdditions).values({
      coachId: coach.id,
      startsAt: new Date("2027-02-01T09:00:00Z"),
      endsAt: new Date("2027-02-01T10:00:00Z"),
    });

    const list = (input: { from?: string; to?: string } = {}) =>
      listAvailabilityAdditions({ db, actor: coach, now: NOW, input: { coachId: coach.id, ...input } });
    expect((await list()).map((addition) => addition.id)).toEqual([saturday.id, later.id]);
    expect((await list({ to: "2027-03-31T00:00:00Z" })).map((addition) => addition.id)).toEqual([saturday.id]);
    expect(await list({ from: "2027-01-01T00:00:00Z" })).toHaveLength(3);

    const bad = async (input: Record<string, unknown>) =>
      (await rejection(createAvailabilityAddition({ db, actor: coach, now: NOW, input: { coachId: coach.id, ...input } as never }))).fields;
    expect(await bad({ startsAt: "2027-03-06T12:00:00Z", endsAt: "2027-03-06T09:00:00Z" })).toEqual({ endsAt: "Must be after startsAt" });
    expect(await bad({ startsAt: "2027-03-06T12:00:00Z", endsAt: "2027-03-21T12:00:01Z" })).toEqual({
      endsAt: "At most 14 days after startsAt",
    });
    expect(Object.keys((await bad({ startsAt: "2027-03-06T12:00:00", endsAt: "2027-03-06T13:00:00Z" }))!)).toEqual(["startsAt"]);
    expect(Object.keys((await bad({ startsAt: "2027-03-06T12:00:00Z", endsAt: "2027-03-06T13:00:00Z", reason: "x".repeat(1001) }))!)).toEqual([
      "reason",
    ]);
    expect(await bad({ startsAt: "2027-02-06T12:00:00Z", endsAt: "2027-02-06T13:00:00Z" })).toEqual({ endsAt: "Must be in the future" });
    expect(await list()).toHaveLength(2);
  });

  it("keeps additions to their coach: 403 for another coach, 404 for an addition of someone else", async () => {
    const owner = await addPerson(db, "owner");
    const coach = await addPerson(db, "coach");
    const other = await addPerson(db, "coach");
    const member = await addPerson(db, "member");
    const input = { coachId: coach.id, startsAt: "2027-03-06T09:00:00Z", endsAt: "2027-03-06T12:00:00Z" };
    expect((await rejection(createAvailabilityAddition({ db, actor: other, now: NOW, input }))).code).toBe("forbidden");
    expect((await rejection(createAvailabilityAddition({ db, actor: member, now: NOW, input }))).code).toBe("forbidden");
    expect((await rejection(listAvailabilityAdditions({ db, actor: member, input: { coachId: coach.id } }))).code).toBe("forbidden");

    const addition = await createAvailabilityAddition({ db, actor: owner, now: NOW, input });
    expect((await rejection(deleteAvailabilityAddition({ db, actor: other, now: NOW, input: { coachId: coach.id, id: addition.id } }))).code).toBe(
      "forbidden",
    );
    expect((await rejection(deleteAvailabilityAddition({ db, actor: other, now: NOW, input: { coachId: other.id, id: addition.id } }))).code).toBe(
      "not_found",
    );
    expect(await listAvailabilityAdditions({ db, actor: coach, now: NOW, input: { coachId: coach.id } })).toHaveLength(1);
  });

  it("deleting one reports the sessions it leaves outside availability, and cancels them only when asked", async () => {
    const coach = await addPerson(db, "coach");
    const member = await addPerson(db, "member");
    await addWeeklyRules(db, coach.id, [[6, "09:00", "10:00"]]); // Saturdays 09–10 UTC
    const extra = await createAvailabilityAddition({
      db,
      actor: coach,
      now: NOW,
      input: { coachId: coach.id, startsAt: "2027-03-06T09:00:00Z", endsAt: "2027-03-06T13:00:00Z" },
    });
    const inRule = await addSession(coach.id, member.id, "2027-03-06T09:00:00Z", "2027-03-06T10:00:00Z");
    const inAddition = await addSession(coach.id, member.id, "2027-03-06T11:00:00Z", "2027-03-06T12:00:00Z");

    const kept = await deleteAvailabilityAddition({ db, actor: coach, now: NOW, input: { coachId: coach.id, id: extra.id } });
    expect(kept.addition.id).toBe(extra.id);
    expect(kept.affected.map((session) => [session.id, session.status])).toEqual([[inAddition, "scheduled"]]);
    expect(kept.cancelled).toBe(0);
    expect(await listAvailabilityAdditions({ db, actor: coach, now: NOW, input: { coachId: coach.id } })).toEqual([]);

    const again = await createAvailabilityAddition({
      db,
      actor: coach,
      now: NOW,
      input: { coachId: coach.id, startsAt: "2027-03-06T09:00:00Z", endsAt: "2027-03-06T13:00:00Z" },
    });
    const cancelled = await deleteAvailabilityAddition({
      db,
      actor: coach,
      now: NOW,
      input: { coachId: coach.id, id: again.id, cancelAffected: "true" },
    });
    expect(cancelled.cancelled).toBe(1);
    expect((await statusOf(inAddition)).status).toBe("cancelled");
    expect((await statusOf(inRule)).status).toBe("scheduled");
  });
});

describe("blocked slots", () => {
  async function coachWithBooking() {
    const coach = await addPerson(db, "coach");
    const member = await addPerson(db, "member");
    await addWeeklyRules(db, coach.id, [[2, "08:00", "18:00"]]); // Tuesdays, UTC
    const [booking] = await db.insert(bookings).values({ memberId: member.id }).returning({ id: bookings.id });
    const booked = await addSession(coach.id, member.id, "2027-03-02T10:00:00Z", "2027-03-02T11:00:00Z", {
      oneTimeBookingId: booking!.id,
    });
    await db.update(bookings).set({ sessionId: booked }).where(eq(bookings.id, booking!.id));
    const untouched = await addSession(coach.id, member.id, "2027-03-02T14:00:00Z", "2027-03-02T15:00:00Z");
    return { coach, member, booked, bookingId: booking!.id, untouched };
  }

  const dentist = { startsAt: "2027-03-02T09:00:00Z", endsAt: "2027-03-02T12:00:00Z" };

  it("over a booked session: keeps it and reports it unless told to cancel", async () => {
    const { coach, booked } = await coachWithBooking();
    const result = await createBlockedSlot({ db, actor: coach, now: NOW, input: { coachId: coach.id, ...dentist, reason: "Dentist" } });
    expect(result.blockedSlot).toMatchObject({ coachId: coach.id, startsAt: dentist.startsAt.replace("Z", ".000Z"), reason: "Dentist" });
    expect(result.affected.map((session) => [session.id, session.status])).toEqual([[booked, "scheduled"]]);
    expect(result.cancelled).toBe(0);
    expect((await statusOf(booked)).status).toBe("scheduled");
  });

  it("over a booked session with cancelAffected: cancels it (and its one-time booking) in the same transaction", async () => {
    const { coach, booked, bookingId, untouched } = await coachWithBooking();
    const result = await createBlockedSlot({ db, actor: coach, now: NOW, input: { coachId: coach.id, ...dentist, cancelAffected: true } });
    expect(result.cancelled).toBe(1);
    expect(result.affected.map((session) => [session.id, session.status, session.cancellationReason])).toEqual([
      [booked, "cancelled", "Coach time off"],
    ]);
    const [booking] = await db.select().from(bookings).where(eq(bookings.id, bookingId));
    expect(booking!.status).toBe("CANCELLED_BY_COACH");
    expect((await statusOf(untouched)).status).toBe("scheduled");
  });

  it("uses its own reason for the cancellation, touches only future scheduled sessions, back-to-back is no overlap", async () => {
    const { coach, member, booked } = await coachWithBooking();
    const completed = await addSession(coach.id, member.id, "2027-03-02T08:00:00Z", "2027-03-02T09:00:00Z", { status: "completed" });
    const result = await createBlockedSlot({
      db,
      actor: coach,
      now: NOW,
      input: { coachId: coach.id, startsAt: "2027-03-02T09:00:00Z", endsAt: "2027-03-02T14:00:00Z", reason: "Course", cancelAffected: true },
    });
    expect(result.affected.map((session) => [session.id, session.cancellationReason])).toEqual([[booked, "Course"]]);
    expect((await statusOf(completed)).status).toBe("completed");
  });

  it("previews the sessions it would overlap, writing nothing, and refuses what creating would", async () => {
    const { coach, member, booked } = await coachWithBooking();
    await addSession(coach.id, member.id, "2027-03-02T08:00:00Z", "2027-03-02T09:00:00Z", { status: "completed" });
    const preview = await previewBlockedSlot({ db, actor: coach, now: NOW, input: { coachId: coach.id, ...dentist } });
    expect(preview.affected.map((session) => [session.id, session.status])).toEqual([[booked, "scheduled"]]);
    expect(await db.select().from(blockedSlots)).toEqual([]);
    expect((await statusOf(booked)).status).toBe("scheduled");

    const created = await createBlockedSlot({ db, actor: coach, now: NOW, input: { coachId: coach.id, ...dentist } });
    expect(created.affected.map((session) => session.id)).toEqual(preview.affected.map((session) => session.id));

    const other = await addPerson(db, "coach");
    expect((await rejection(previewBlockedSlot({ db, actor: other, now: NOW, input: { coachId: coach.id, ...dentist } }))).code).toBe(
      "forbidden",
    );
    const over = await rejection(
      previewBlockedSlot({ db, actor: coach, now: NOW, input: { coachId: coach.id, startsAt: "2027-02-01T09:00:00Z", endsAt: "2027-02-01T10:00:00Z" } }),
    );
    expect(over.fields).toEqual({ endsAt: "Must be in the future" });
  });

  it("refuses bad input naming the field, and writes nothing", async () => {
    const { coach } = await coachWithBooking();
    const attempt = (input: Record<string, unknown>) =>
      rejection(createBlockedSlot({ db, actor: coach, now: NOW, input: { coachId: coach.id, ...input } as never }));
    expect((await attempt({ ...dentist, cancelAffected: "yes" })).fields).toEqual({ cancelAffected: "Must be true or false" });
    expect((await attempt({ startsAt: dentist.endsAt, endsAt: dentist.startsAt })).fields).toEqual({ endsAt: "Must be after startsAt" });
    expect(Object.keys((await attempt({ startsAt: "tomorrow", endsAt: dentist.endsAt })).fields!)).toEqual(["startsAt"]);
    expect(await db.select().from(blockedSlots)).toEqual([]);
  });

  it("lists and deletes them: the coach and the owner only, 404 for another coach's", async () => {
    const { coach } = await coachWithBooking();
    const owner = await addPerson(db, "owner");
    const other = await addPerson(db, "coach");
    const member = await addPerson(db, "member");
    const { blockedSlot } = await createBlockedSlot({ db, actor: owner, now: NOW, input: { coachId: coach.id, ...dentist } });

    expect((await listBlockedSlots({ db, actor: coach, now: NOW, input: { coachId: coach.id } })).map((slot) => slot.id)).toEqual([
      blockedSlot.id,
    ]);
    expect((await rejection(listBlockedSlots({ db, actor: member, input: { coachId: coach.id } }))).code).toBe("forbidden");
    expect((await rejection(deleteBlockedSlot({ db, actor: other, input: { coachId: coach.id, id: blockedSlot.id } }))).code).toBe(
      "forbidden",
    );
    expect((await rejection(deleteBlockedSlot({ db, actor: other, input: { coachId: other.id, id: blockedSlot.id } }))).code).toBe(
      "not_found",
    );
    expect((await deleteBlockedSlot({ db, actor: coach, input: { coachId: coach.id, id: blockedSlot.id } })).id).toBe(blockedSlot.id);
    expect(await db.select().from(blockedSlots).where(and(eq(blockedSlots.coachId, coach.id)))).toEqual([]);
  });
});
