// One-time bookings on a real database: a free slot is booked with its
// session in one transaction; time off, times outside availability, the past
// and the coach's notice are refused with the reason; and when many members
// race for one slot the exclusion constraint lets exactly one win, leaving
// no booking row behind for the others.
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import { availabilityAdditions, blockedSlots, bookings, trainingSessions, weeklyAvailability } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { lockCoachCalendar } from "@/server/availability/coach-calendar";
import { createOneTimeBooking } from "@/server/bookings/create-one-time-booking";
import { addPerson, addWeeklyRules, clearBusinessData } from "../helpers/people";
import { rejection } from "../helpers/app-error";
import { useMigratedDatabase } from "../helpers/test-database";

let db: DatabaseOrTransaction;

useMigratedDatabase((handle) => {
  db = handle.db;
});

const NOW = new Date("2027-03-01T08:00:00Z"); // Monday
let coach: Actor;
let member: Actor;

beforeEach(async () => {
  await clearBusinessData(db);
  coach = await addPerson(db, "coach", { name: "Kiran", timezone: "Asia/Kolkata" });
  member = await addPerson(db, "member");
  // Tuesdays 09:00–12:00 Kolkata = 03:30–06:30Z.
  await addWeeklyRules(db, coach.id, [[2, "09:00", "12:00"]]);
});

const slot = { startsAt: "2027-03-02T04:30:00Z", endsAt: "2027-03-02T05:30:00Z" }; // 10:00–11:00 Kolkata

async function bookingRows() {
  const [row] = await db.select({ n: count() }).from(bookings);
  return row!.n;
}

describe("createOneTimeBooking", () => {
  it("books a free slot: the booking and its session, linked both ways", async () => {
    const result = await createOneTimeBooking({ db, actor: member, input: { coachId: coach.id, ...slot }, now: NOW });

    expect(result.session).toMatchObject({
      startsAt: "2027-03-02T04:30:00.000Z",
      endsAt: "2027-03-02T05:30:00.000Z",
      status: "scheduled",
      coach: { id: coach.id, timezone: "Asia/Kolkata" },
      member: { id: member.id },
      oneTimeBookingId: result.booking.id,
      recurringBookingId: null,
    });
    const [booking] = await db.select().from(bookings).where(eq(bookings.id, result.booking.id));
    expect(booking).toMatchObject({ memberId: member.id, sessionId: result.session.id, status: "CONFIRMED" });
  });

  it("accepts an offset instant and an availability addition outside the weekly rules", async () => {
    await db.insert(availabilityAdditions).values({
      coachId: coach.id,
      startsAt: new Date("2027-03-03T03:30:00Z"),
      endsAt: new Date("2027-03-03T05:30:00Z"),
    });
    const result = await createOneTimeBooking({
      db,
      actor: member,
      input: { coachId: coach.id, startsAt: "2027-03-03T09:00:00+05:30", endsAt: "2027-03-03T10:00:00+05:30" },
      now: NOW,
    });
    expect(result.session.startsAt).toBe("2027-03-03T03:30:00.000Z");
  });

  it("refuses time off and times outside availability with 409, leaving nothing", async () => {
    await db.insert(blockedSlots).values({ coachId: coach.id, startsAt: new Date(slot.startsAt), endsAt: new Date(slot.endsAt) });
    expect(await rejection(createOneTimeBooking({ db, actor: member, input: { coachId: coach.id, ...slot }, now: NOW }))).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("time off"),
    });
    const outside = { startsAt: "2027-03-02T06:00:00Z", endsAt: "2027-03-02T07:00:00Z" }; // 11:30–12:30 local
    expect(await rejection(createOneTimeBooking({ db, actor: member, input: { coachId: coach.id, ...outside }, now: NOW }))).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("outside"),
    });
    expect(await bookingRows()).toBe(0);
  });

  it.each([
    [{ startsAt: "2027-03-02T05:30:00Z", endsAt: "2027-03-02T04:30:00Z" }, "endsAt"],
    [{ startsAt: "2027-03-02T00:00:00Z", endsAt: "2027-03-02T09:00:00Z" }, "endsAt"],
    [{ startsAt: "2027-02-30T04:30:00Z" }, "startsAt"],
    [{ startsAt: "2027-03-02 04:30" }, "startsAt"],
    [{ startsAt: "2027-03-02T04:30:00" }, "startsAt"],
    [{ coachId: "" }, "coachId"],
    [{ extra: 1 }, "extra"],
  ])("refuses %j with 400 naming %s", async (change, field) => {
    const error = await rejection(
      createOneTimeBooking({ db, actor: member, input: { coachId: coach.id, ...slot, ...change } as never, now: NOW }),
    );
    expect(error.code).toBe("invalid_input");
    expect(error.fields).toHaveProperty(field);
    expect(await bookingRows()).toBe(0);
  });

  it("refuses the past, and a member inside the coach's notice, but lets the coach fill a slot sooner", async () => {
    const soon = new Date("2027-03-02T04:00:00Z"); // 30 minutes before the slot; notice is 120
    expect((await rejection(createOneTimeBooking({ db, actor: member, input: { coachId: coach.id, ...slot }, now: new Date("2027-03-02T05:00:00Z") }))).fields).toHaveProperty("startsAt");
    expect((await rejection(createOneTimeBooking({ db, actor: member, input: { coachId: coach.id, ...slot }, now: soon }))).fields).toEqual({
      startsAt: "Must be at least 120 minutes from now",
    });
    const byCoach = await createOneTimeBooking({ db, actor: coach, input: { coachId: coach.id, memberId: member.id, ...slot }, now: soon });
    expect(byCoach.session.member?.id).toBe(member.id);
  });

  it("answers 409 when the member already has a session then with another coach", async () => {
    const other = await addPerson(db, "coach");
    await db.insert(trainingSessions).values({
      coachId: other.id,
      memberId: member.id,
      startsAt: new Date("2027-03-02T05:00:00Z"),
      endsAt: new Date("2027-03-02T06:00:00Z"),
    });
    expect(await rejection(createOneTimeBooking({ db, actor: member, input: { coachId: coach.id, ...slot }, now: NOW }))).toMatchObject({
      code: "conflict",
      message: "You already have a session at that time",
    });
    expect(await bookingRows()).toBe(0);
  });

  it("answers 409 with whose session holds the time: the booker's own, or someone else's", async () => {
    await createOneTimeBooking({ db, actor: member, input: { coachId: coach.id, ...slot }, now: NOW });
    // The same member again (a second click): their own session, not "someone else".
    expect(await rejection(createOneTimeBooking({ db, actor: member, input: { coachId: coach.id, ...slot }, now: NOW }))).toMatchObject({
      code: "conflict",
      message: "You already have a session with Kiran at that time",
    });
    expect(
      await rejection(createOneTimeBooking({ db, actor: coach, input: { coachId: coach.id, memberId: member.id, ...slot }, now: NOW })),
    ).toMatchObject({ code: "conflict", message: "The member already has a session with Kiran at that time" });
    const other = await addPerson(db, "member");
    expect(await rejection(createOneTimeBooking({ db, actor: other, input: { coachId: coach.id, ...slot }, now: NOW }))).toMatchObject({
      code: "conflict",
      message: "This time was just booked by someone else",
    });
    expect(await bookingRows()).toBe(1);
  });

  it("a booking made while the coach changes their week is checked against the new week", async () => {
    // Hold the coach's calendar as an availability change does, and take the Tuesday rule away meanwhile.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const change = db.transaction(async (tx) => {
      await lockCoachCalendar(tx, coach.id);
      await tx.delete(weeklyAvailability).where(eq(weeklyAvailability.coachId, coach.id));
      locked();
      await held;
    });
    await isLocked;
    const booking = createOneTimeBooking({ db, actor: member, input: { coachId: coach.id, ...slot }, now: NOW }).then(
      () => "booked",
      (error: AppError) => error.message,
    );
    // Give the booking time to reach the coach's row (it waits there on PostgreSQL; PGlite queues whole transactions).
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await change;
    expect(await booking).toContain("outside");
    expect(await bookingRows()).toBe(0);
  });

  it("20 members racing for one slot: exactly one wins, 19 get 409, one booking row exists", async () => {
    const members = await Promise.all(Array.from({ length: 20 }, () => addPerson(db, "member")));
    const attempts = await Promise.allSettled(
      members.map((actor) => createOneTimeBooking({ db, actor, input: { coachId: coach.id, ...slot }, now: NOW })),
    );
    const lost = attempts.filter((attempt): attempt is PromiseRejectedResult => attempt.status === "rejected");
    expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const attempt of lost) expect(attempt.reason).toMatchObject({ code: "conflict" });
    expect(await bookingRows()).toBe(1);
    expect(await db.select().from(trainingSessions)).toHaveLength(1);
  });
});
