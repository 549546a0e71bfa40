// Recurring bookings on a real database: every occurrence up to the horizon
// checked (not just the first), reject vs skip, validation that names the
// field and writes nothing, who may book for whom, the list with the next 10
// sessions, cancelling a series (future only or with its past unheld
// occurrences), and two members racing for one weekly slot.
import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import {
  blockedSlots,
  recurringBookings,
  sessionConflicts,
  trainingSessions,
  weeklyAvailability,
} from "@/db/schema";
import { cancelRecurringBooking } from "@/server/bookings/cancel-recurring-booking";
import { createRecurringBooking, previewRecurringBooking } from "@/server/bookings/create-recurring-booking";
import { listRecurringBookings } from "@/server/bookings/list-recurring-bookings";
import { generateSessions } from "@/server/sessions/generate-sessions";
import { addPerson, addWeeklyRules, clearBusinessData } from "../helpers/people";
import { rejection } from "../helpers/app-error";
import { useMigratedDatabase } from "../helpers/test-database";

let db: DatabaseOrTransaction;

useMigratedDatabase((handle) => {
  db = handle.db;
});

// Monday 2027-03-01 08:00 UTC; the coach is in Europe/Paris (UTC+1 until 2027-03-28).
const NOW = new Date("2027-03-01T08:00:00Z");
let coach: Actor;
let member: Actor;
let otherMember: Actor;
let owner: Actor;

beforeEach(async () => {
  await clearBusinessData(db);
  coach = await addPerson(db, "coach", { name: "Camille", timezone: "Europe/Paris" });
  member = await addPerson(db, "member", { name: "Mia" });
  otherMember = await addPerson(db, "member", { name: "Noah" });
  owner = await addPerson(db, "owner");
  // Tuesdays and Thursdays 09:00–12:00 Paris time.
  await addWeeklyRules(db, coach.id, [
    [2, "09:00", "12:00"],
    [4, "09:00", "12:00"],
  ]);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const tuesdays = { dayOfWeek: 2, startTime: "10:00", endTime: "11:00", startDate: "2027-03-01" };

async function rowCounts() {
  const [series] = await db.select({ n: count() }).from(recurringBookings);
  const [sessions] = await db.select({ n: count() }).from(trainingSessions);
  return { series: series!.n, sessions: sessions!.n };
}

describe("createRecurringBooking", () => {
  it("creates the series and every session up to the horizon at once, from the first Tuesday on or after the start", async () => {
    const result = await createRecurringBooking({ db, actor: member, input: { coachId: coach.id, ...tuesdays }, now: NOW });

    expect(result.recurringBooking).toMatchObject({
      coach: { id: coach.id, timezone: "Europe/Paris" },
      member: { id: member.id },
      dayOfWeek: 2,
      frequency: 1,
      status: "active",
    });
    // 6 weeks from Monday 03-01 08:00Z: Tuesdays 03-02 … 04-06; 10:00 Paris is 09:00Z, then 08:00Z after 03-28.
    expect(result.sessions.map((s) => s.startsAt)).toEqual([
      "2027-03-02T09:00:00.000Z",
      "2027-03-09T09:00:00.000Z",
      "2027-03-16T09:00:00.000Z",
      "2027-03-23T09:00:00.000Z",
      "2027-03-30T08:00:00.000Z",
      "2027-04-06T08:00:00.000Z",
    ]);
    expect(result.sessions.every((s) => s.status === "scheduled" && s.member?.id === member.id)).toBe(true);
    expect(result.skipped).toEqual([]);
  });

  it("rejects the whole series with 409 listing every conflicting date and reason, and writes nothing", async () => {
    await db.insert(blockedSlots).values({
      coachId: coach.id,
      startsAt: new Date("2027-03-16T00:00:00Z"),
      endsAt: new Date("2027-03-17T00:00:00Z"),
      reason: "Conference",
    });
    // The member already has a session with another coach on 03-23 at that hour.
    const elsewhere = await addPerson(db, "coach", { timezone: "UTC" });
    await db.insert(trainingSessions).values({
      coachId: elsewhere.id,
      memberId: member.id,
      startsAt: new Date("2027-03-23T09:30:00Z"),
      endsAt: new Date("2027-03-23T10:30:00Z"),
    });
    const before = await rowCounts();

    const error = await rejection(
      createRecurringBooking({ db, actor: member, input: { coachId: coach.id, ...tuesdays }, now: NOW }),
    );

    expect(error.code).toBe("conflict");
    expect(error.message).toContain("2027-03-16 (the coach has time off then)");
    expect(error.details?.conflicts).toEqual([
      { date: "2027-03-16", startsAt: "2027-03-16T09:00:00.000Z", endsAt: "2027-03-16T10:00:00.000Z", reason: "blocked" },
      { date: "2027-03-23", startsAt: "2027-03-23T09:00:00.000Z", endsAt: "2027-03-23T10:00:00.000Z", reason: "member_busy" },
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  it("checks every occurrence against availability, not just the first", async () => {
    // Only the first Tuesday is outside the rules (an addition covers… nothing): change the rule mid-way.
    await db.delete(weeklyAvailability);
    await addWeeklyRules(db, coach.id, [[2, "09:00", "10:30"]]);

    const error = await rejection(
      createRecurringBooking({ db, actor: member, input: { coachId: coach.id, ...tuesdays }, now: NOW }),
    );
    expect((error.details?.conflicts as unknown[]).length).toBe(6);
    expect(error.details?.conflicts).toContainEqual(expect.objectContaining({ reason: "outside_availability" }));
  });

  it('with onConflict "skip" books the fitting sessions, lists the skipped dates, and the generator never brings them back', async () => {
    await db.insert(blockedSlots).values({
      coachId: coach.id,
      startsAt: new Date("2027-03-16T00:00:00Z"),
      endsAt: new Date("2027-03-17T00:00:00Z"),
    });

    const result = await createRecurringBooking({
      db,
      actor: member,
      input: { coachId: coach.id, ...tuesdays, onConflict: "skip" },
      now: NOW,
    });

    expect(result.sessions).toHaveLength(5);
    expect(result.skipped).toEqual([
      { date: "2027-03-16", startsAt: "2027-03-16T09:00:00.000Z", endsAt: "2027-03-16T10:00:00.000Z", reason: "blocked" },
    ]);
    await db.delete(blockedSlots);
    const run = await generateSessions(db, { weeksAhead: 6, now: NOW, trigger: "test" });
    expect(run).toMatchObject({ created: 0, conflicts: 0 });
    const [conflict] = await db.select().from(sessionConflicts);
    expect(conflict).toMatchObject({ status: "resolved", resolution: "skipped when booking" });
  });

  it("keeps a fortnightly series' parity from its start date", async () => {
    const result = await createRecurringBooking({
      db,
      actor: member,
      input: { coachId: coach.id, ...tuesdays, startDate: "2027-03-08", frequency: 2 },
      now: NOW,
    });
    expect(result.sessions.map((s) => s.startsAt.slice(0, 10))).toEqual(["2027-03-09", "2027-03-23", "2027-04-06"]);
  });

  it.each([
    [{ endDate: "2027-02-28" }, "endDate"],
    [{ startDate: "2027-02-28" }, "startDate"],
    [{ startTime: "11:00", endTime: "10:00" }, "endTime"],
    [{ startTime: "10:00", endTime: "10:00" }, "endTime"],
    [{ startTime: "24:00" }, "startTime"],
    [{ endTime: "10:60" }, "endTime"],
    [{ startTime: "9:00" }, "startTime"],
    [{ startDate: "2027-02-30" }, "startDate"],
    [{ dayOfWeek: 7 }, "dayOfWeek"],
    [{ frequency: 5 }, "frequency"],
    [{ onConflict: "overwrite" }, "onConflict"],
    [{ endDate: "2027-03-01" }, "endDate"],
  ])("refuses %j with 400 naming %s, writing nothing", async (change, field) => {
    const error = await rejection(
      createRecurringBooking({ db, actor: member, input: { coachId: coach.id, ...tuesdays, ...change } as never, now: NOW }),
    );
    expect(error.code).toBe("invalid_input");
    expect(error.fields).toHaveProperty(field);
    expect(await rowCounts()).toEqual({ series: 0, sessions: 0 });
  });

  it("refuses a coachId that is not a coach with 400 naming coachId", async () => {
    const error = await rejection(
      createRecurringBooking({ db, actor: member, input: { coachId: otherMember.id, ...tuesdays }, now: NOW }),
    );
    expect(error).toMatchObject({ code: "invalid_input", fields: { coachId: expect.any(String) } });
  });

  it("lets a member book only for themself, a coach only with themself, and the owner for any member", async () => {
    expect(
      (await rejection(createRecurringBooking({ db, actor: member, input: { coachId: coach.id, memberId: otherMember.id, ...tuesdays }, now: NOW }))).code,
    ).toBe("forbidden");
    const otherCoach = await addPerson(db, "coach");
    expect(
      (await rejection(createRecurringBooking({ db, actor: otherCoach, input: { coachId: coach.id, memberId: member.id, ...tuesdays }, now: NOW }))).code,
    ).toBe("forbidden");
    expect(
      (await rejection(createRecurringBooking({ db, actor: owner, input: { coachId: coach.id, ...tuesdays }, now: NOW }))).fields,
    ).toHaveProperty("memberId");

    const byCoach = await createRecurringBooking({ db, actor: coach, input: { coachId: coach.id, memberId: member.id, ...tuesdays }, now: NOW });
    expect(byCoach.recurringBooking.member.id).toBe(member.id);
    const byOwner = await createRecurringBooking({
      db,
      actor: owner,
      input: { coachId: coach.id, memberId: otherMember.id, ...tuesdays, startTime: "11:00", endTime: "12:00" },
      now: NOW,
    });
    expect(byOwner.sessions).toHaveLength(6);
    expect((await rejection(createRecurringBooking({ db, actor: null, input: { coachId: coach.id, ...tuesdays }, now: NOW }))).code).toBe(
      "unauthenticated",
    );
  });

  it("two members racing for one weekly slot: exactly one series wins, the other gets 409 and leaves nothing", async () => {
    const attempts = await Promise.allSettled(
      [member, otherMember].map((actor) =>
        createRecurringBooking({ db, actor, input: { coachId: coach.id, ...tuesdays }, now: NOW }),
      ),
    );
    const won = attempts.filter((attempt) => attempt.status === "fulfilled");
    const lost = attempts.filter((attempt): attempt is PromiseRejectedResult => attempt.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: "conflict" });
    expect(await rowCounts()).toEqual({ series: 1, sessions: 6 });
  });
});

describe("previewRecurringBooking", () => {
  it("shows every occurrence of the horizon with whether it fits, and books nothing", async () => {
    await db.insert(blockedSlots).values({
      coachId: coach.id,
      startsAt: new Date("2027-03-09T00:00:00Z"),
      endsAt: new Date("2027-03-10T00:00:00Z"),
    });
    const { occurrences } = await previewRecurringBooking({ db, actor: member, input: { coachId: coach.id, ...tuesdays }, now: NOW });
    expect(occurrences.map((o) => [o.date, o.reason])).toEqual([
      ["2027-03-02", null],
      ["2027-03-09", "blocked"],
      ["2027-03-16", null],
      ["2027-03-23", null],
      ["2027-03-30", null],
      ["2027-04-06", null],
    ]);
    expect(await rowCounts()).toEqual({ series: 0, sessions: 0 });
  });
});

describe("listRecurringBookings", () => {
  it("gives a member their own series with the next 10 upcoming sessions, a coach theirs, the owner all", async () => {
    vi.stubEnv("SESSION_HORIZON_WEEKS", "14");
    await createRecurringBooking({ db, actor: member, input: { coachId: coach.id, ...tuesdays }, now: NOW });
    await createRecurringBooking({ db, actor: otherMember, input: { coachId: coach.id, ...tuesdays, dayOfWeek: 4 }, now: NOW });

    const mine = await listRecurringBookings({ db, actor: member, now: NOW });
    expect(mine).toHaveLength(1);
    expect(mine[0]!.member.id).toBe(member.id);
    expect(mine[0]!.nextSessions).toHaveLength(10);
    expect(mine[0]!.nextSessions[0]!.startsAt).toBe("2027-03-02T09:00:00.000Z");

    // A week later the first one is past: the list moves on.
    const later = await listRecurringBookings({ db, actor: member, now: new Date("2027-03-03T00:00:00Z") });
    expect(later[0]!.nextSessions[0]!.startsAt).toBe("2027-03-09T09:00:00.000Z");

    expect(await listRecurringBookings({ db, actor: coach, now: NOW })).toHaveLength(2);
    expect(await listRecurringBookings({ db, actor: owner, now: NOW })).toHaveLength(2);
    const stranger = await addPerson(db, "coach");
    expect(await listRecurringBookings({ db, actor: stranger, now: NOW })).toHaveLength(0);
  });
});

describe("cancelRecurringBooking", () => {
  async function bookAndLive() {
    const created = await createRecurringBooking({ db, actor: member, input: { coachId: coach.id, ...tuesdays }, now: NOW });
    // On 03-17 three sessions are past: the first held (completed), two never marked.
    const later = new Date("2027-03-17T00:00:00Z");
    const [first, second] = created.sessions;
    await db.update(trainingSessions).set({ status: "completed" }).where(eq(trainingSessions.id, first!.id));
    return { id: created.recurringBooking.id, later, second: second!.id, first: first!.id };
  }

  it("futureOnly: cancels the occurrences after now, ends the series, never touches history", async () => {
    const { id, later, first, second } = await bookAndLive();

    const result = await cancelRecurringBooking({ db, actor: member, input: { recurringBookingId: id, futureOnly: true }, now: later });

    expect(result.cancelled).toBe(3);
    expect(result.recurringBooking.status).toBe("cancelled");
    const statuses = new Map((await db.select().from(trainingSessions)).map((s) => [s.id, s.status]));
    expect(statuses.get(first)).toBe("completed");
    expect(statuses.get(second)).toBe("scheduled");
    // The generator gives a cancelled series nothing new.
    expect((await generateSessions(db, { weeksAhead: 8, now: later, trigger: "test" })).created).toBe(0);
  });

  it("futureOnly false: also cancels past occurrences still scheduled, but not completed ones", async () => {
    const { id, later, first, second } = await bookAndLive();

    const result = await cancelRecurringBooking({ db, actor: coach, input: { recurringBookingId: id, futureOnly: false }, now: later });

    expect(result.cancelled).toBe(5);
    const statuses = new Map((await db.select().from(trainingSessions)).map((s) => [s.id, s.status]));
    expect(statuses.get(first)).toBe("completed");
    expect(statuses.get(second)).toBe("cancelled");
  });

  it("answers 404 for another member's series (no hint it exists), 409 when already cancelled, 400 without futureOnly", async () => {
    const { id, later } = await bookAndLive();
    expect(
      (await rejection(cancelRecurringBooking({ db, actor: otherMember, input: { recurringBookingId: id, futureOnly: true }, now: later }))).code,
    ).toBe("not_found");
    expect(
      (await rejection(cancelRecurringBooking({ db, actor: member, input: { recurringBookingId: id } as never, now: later }))).fields,
    ).toHaveProperty("futureOnly");
    await cancelRecurringBooking({ db, actor: owner, input: { recurringBookingId: id, futureOnly: true }, now: later });
    expect(
      (await rejection(cancelRecurringBooking({ db, actor: member, input: { recurringBookingId: id, futureOnly: true }, now: later }))).code,
    ).toBe("conflict");
  });
});
