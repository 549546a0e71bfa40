// Classes on a real database (invariant 8): places up to the capacity and a
// waitlist in order, whatever the race; a freed place promoted in the same
// transaction (not after the cut-off), with a message; a member never holds
// a class place and another session at once; a cancelled class ends its
// places; class series generate classes that take their standing places.
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/auth/actor";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { classEnrolments, outboxMessages, studioSettings, trainingSessions } from "@/db/schema";
import { createOneTimeBooking } from "@/server/bookings/create-one-time-booking";
import { cancelClass } from "@/server/classes/cancel-class";
import { cancelEnrolment } from "@/server/classes/cancel-enrolment";
import { createClass } from "@/server/classes/create-class";
import { createClassSeries } from "@/server/classes/create-class-series";
import { createStandingPlace } from "@/server/classes/create-standing-place";
import { enrolInClass } from "@/server/classes/enrol-in-class";
import { getClass } from "@/server/classes/get-class";
import { listClasses } from "@/server/classes/list-classes";
import { markAttendance } from "@/server/classes/mark-attendance";
import { generateSessions } from "@/server/sessions/generate-sessions";
import { listSessions } from "@/server/sessions/list-sessions";
import { markNoShow } from "@/server/sessions/mark-no-show";
import { rejection } from "../helpers/app-error";
import { ALL_WEEK, addPerson, addWeeklyRules, clearBusinessData } from "../helpers/people";
import { useMigratedDatabase } from "../helpers/test-database";

let db: DatabaseOrTransaction;
useMigratedDatabase((handle) => {
  db = handle.db;
});

const NOW = new Date("2027-03-01T08:00:00Z"); // a Monday
const CLASS = { startsAt: "2027-03-03T18:00:00Z", endsAt: "2027-03-03T19:00:00Z" }; // Wednesday
let coach: Actor;
let owner: Actor;

beforeEach(async () => {
  await clearBusinessData(db);
  await db.update(studioSettings).set({ waitlistCutoffMinutes: 120 });
  coach = await addPerson(db, "coach", { name: "Inès" });
  owner = await addPerson(db, "owner");
  await addWeeklyRules(db, coach.id, ALL_WEEK);
});

async function aClass(capacity: number, times = CLASS) {
  const { class: created } = await createClass({ db, actor: coach, input: { coachId: coach.id, title: "Pilates", capacity, ...times }, now: NOW });
  return created;
}

async function members(n: number): Promise<Actor[]> {
  const out: Actor[] = [];
  for (let i = 0; i < n; i++) out.push(await addPerson(db, "member"));
  return out;
}

async function messagesTo(memberId: string) {
  return db.select({ kind: outboxMessages.kind, payload: outboxMessages.payload }).from(outboxMessages).where(eq(outboxMessages.recipientId, memberId));
}

describe("places and the waitlist", () => {
  it("confirms up to the capacity, then waitlists at positions 1, 2, …; the class view counts both", async () => {
    const yoga = await aClass(2);
    const people = await members(4);
    const answers = [];
    for (const person of people) answers.push(await enrolInClass({ db, actor: person, input: { classId: yoga.id }, now: NOW }));
    expect(answers.map((a) => a.enrolment.status)).toEqual(["confirmed", "confirmed", "waitlisted", "waitlisted"]);
    expect(answers.map((a) => a.enrolment.position)).toEqual([undefined, undefined, 1, 2]);

    const [listed] = await listClasses({ db, actor: people[3]!, input: { from: "2027-03-01T00:00:00Z", to: "2027-03-08T00:00:00Z" } });
    expect(listed).toMatchObject({ id: yoga.id, title: "Pilates", capacity: 2, confirmed: 2, waitlisted: 2, placesLeft: 0 });
    expect(listed!.myEnrolment).toMatchObject({ status: "waitlisted", position: 2 });
    expect((await messagesTo(people[2]!.id)).map((m) => m.kind)).toEqual(["class_waitlisted"]);
    expect((await messagesTo(people[0]!.id)).map((m) => m.kind)).toEqual(["class_enrolled"]);
  });

  it("gives exactly the capacity to a crowd enrolling at once, with distinct waitlist positions", async () => {
    // 12 places: more than nine, so a comparison of places as text (2 < 12 is false) would show.
    const crowded = await aClass(12);
    const people = await members(30);
    const results = await Promise.allSettled(people.map((person) => enrolInClass({ db, actor: person, input: { classId: crowded.id }, now: NOW })));
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    const enrolments = results.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof enrolInClass>>>).value.enrolment);
    expect(enrolments.filter((e) => e.status === "confirmed")).toHaveLength(12);
    const positions = enrolments.filter((e) => e.status === "waitlisted").map((e) => e.position!).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    const [row] = await db.select({ placesTaken: trainingSessions.placesTaken }).from(trainingSessions).where(eq(trainingSessions.id, crowded.id));
    expect(row!.placesTaken).toBe(12);
  });

  it("refuses a place beyond the capacity in the database itself", async () => {
    const small = await aClass(2);
    const people = await members(3);
    for (const person of people.slice(0, 2)) await enrolInClass({ db, actor: person, input: { classId: small.id }, now: NOW });
    const direct = db.insert(classEnrolments).values({
      classId: small.id,
      memberId: people[2]!.id,
      status: "confirmed",
      startsAt: new Date(CLASS.startsAt),
      endsAt: new Date(CLASS.endsAt),
    });
    await expect(direct).rejects.toMatchObject({ cause: { code: "23514" } });
  });

  it("promotes the first on the waitlist when a place is freed, and tells them", async () => {
    const yoga = await aClass(2);
    const [a, b, c, d] = await members(4);
    const ids: string[] = [];
    for (const person of [a!, b!, c!, d!]) ids.push((await enrolInClass({ db, actor: person, input: { classId: yoga.id }, now: NOW })).enrolment.id);
    const result = await cancelEnrolment({ db, actor: a!, input: { id: ids[0]! }, now: NOW });
    expect(result.enrolment).toMatchObject({ status: "cancelled", cancelCause: "member" });
    expect(result.promoted.map((e) => e.member.id)).toEqual([c!.id]);
    expect((await messagesTo(c!.id)).map((m) => m.kind).sort()).toEqual(["class_promoted", "class_waitlisted"]);
    const { class: view, roster } = await getClass({ db, actor: coach, input: { id: yoga.id } });
    expect(view).toMatchObject({ confirmed: 2, waitlisted: 1 });
    expect(roster!.find((e) => e.member.id === d!.id)).toMatchObject({ status: "waitlisted", position: 1 });
  });

  it("promotes nobody within the cut-off before the class", async () => {
    await db.update(studioSettings).set({ waitlistCutoffMinutes: 120 });
    const yoga = await aClass(1 + 1);
    const [a, b, c] = await members(3);
    const first = await enrolInClass({ db, actor: a!, input: { classId: yoga.id }, now: NOW });
    await enrolInClass({ db, actor: b!, input: { classId: yoga.id }, now: NOW });
    await enrolInClass({ db, actor: c!, input: { classId: yoga.id }, now: NOW });
    const lateNow = new Date(new Date(CLASS.startsAt).getTime() - 60 * 60_000); // one hour before
    const result = await cancelEnrolment({ db, actor: a!, input: { id: first.enrolment.id }, now: lateNow });
    expect(result.promoted).toEqual([]);
    const { class: view } = await getClass({ db, actor: coach, input: { id: yoga.id } });
    expect(view).toMatchObject({ confirmed: 1, waitlisted: 1, placesLeft: 1 });
  });

  it("takes a promoted member off the waitlists of classes at the same time", async () => {
    const other = await addPerson(db, "coach", { name: "Other" });
    const first = await aClass(2);
    const { class: second } = await createClass({ db, actor: owner, input: { coachId: other.id, title: "Boxing", capacity: 2, ...CLASS }, now: NOW });
    const [a, b, waiting] = await members(3);
    const placeA = await enrolInClass({ db, actor: a!, input: { classId: first.id }, now: NOW });
    await enrolInClass({ db, actor: b!, input: { classId: first.id }, now: NOW });
    const inFirst = await enrolInClass({ db, actor: waiting!, input: { classId: first.id }, now: NOW });
    // second is not full, but its two places are taken by others
    const [x, y] = await members(2);
    await enrolInClass({ db, actor: x!, input: { classId: second.id }, now: NOW });
    await enrolInClass({ db, actor: y!, input: { classId: second.id }, now: NOW });
    const inSecond = await enrolInClass({ db, actor: waiting!, input: { classId: second.id }, now: NOW });
    expect([inFirst.enrolment.status, inSecond.enrolment.status]).toEqual(["waitlisted", "waitlisted"]);

    await cancelEnrolment({ db, actor: a!, input: { id: placeA.enrolment.id }, now: NOW });
    const rows = await db.select({ status: classEnrolments.status, cause: classEnrolments.cancelCause }).from(classEnrolments).where(eq(classEnrolments.memberId, waiting!.id));
    expect(rows.map((r) => `${r.status}/${r.cause}`).sort()).toEqual(["cancelled/promoted_elsewhere", "confirmed/null"]);
  });
});

describe("one member, one thing at a time", () => {
  it("refuses a place at the time of the member's session, and a session at the time of their place", async () => {
    const yoga = await aClass(5);
    const [m1, m2] = await members(2);
    await createOneTimeBooking({ db, actor: owner, input: { coachId: (await addCoach()).id, memberId: m1!.id, ...CLASS }, now: NOW });
    expect(await rejection(enrolInClass({ db, actor: m1!, input: { classId: yoga.id }, now: NOW }))).toMatchObject({ code: "conflict" });

    await enrolInClass({ db, actor: m2!, input: { classId: yoga.id }, now: NOW });
    const second = await addCoach();
    expect(await rejection(createOneTimeBooking({ db, actor: m2!, input: { coachId: second.id, ...CLASS }, now: NOW }))).toMatchObject({
      code: "conflict",
    });
  });

  it("refuses a second place or waitlist place in the same class", async () => {
    const yoga = await aClass(2);
    const [m1] = await members(1);
    await enrolInClass({ db, actor: m1!, input: { classId: yoga.id }, now: NOW });
    expect(await rejection(enrolInClass({ db, actor: m1!, input: { classId: yoga.id }, now: NOW }))).toMatchObject({ code: "conflict" });
  });
});

async function addCoach(): Promise<Actor> {
  const other = await addPerson(db, "coach");
  await addWeeklyRules(db, other.id, ALL_WEEK);
  return other;
}

describe("the class itself", () => {
  it("takes the coach's time: a one-to-one booking then is refused", async () => {
    await aClass(4);
    const [m1] = await members(1);
    expect(await rejection(createOneTimeBooking({ db, actor: m1!, input: { coachId: coach.id, ...CLASS }, now: NOW }))).toMatchObject({ code: "conflict" });
  });

  it("cancelling a class ends every place and tells everyone who had one or waited", async () => {
    const yoga = await aClass(2);
    const people = await members(3);
    for (const person of people) await enrolInClass({ db, actor: person, input: { classId: yoga.id }, now: NOW });
    const { class: cancelled } = await cancelClass({ db, actor: coach, input: { id: yoga.id, reason: "Coach ill" }, now: NOW });
    expect(cancelled).toMatchObject({ status: "cancelled", confirmed: 0, waitlisted: 0 });
    const rows = await db.select({ status: classEnrolments.status, cause: classEnrolments.cancelCause }).from(classEnrolments);
    expect(rows.every((r) => r.status === "cancelled" && r.cause === "class_cancelled")).toBe(true);
    for (const person of people) expect((await messagesTo(person.id)).map((m) => m.kind)).toContain("session_cancelled");
  });

  it("marks attendance once started, and refuses before", async () => {
    const yoga = await aClass(2);
    const [m1] = await members(1);
    const { enrolment } = await enrolInClass({ db, actor: m1!, input: { classId: yoga.id }, now: NOW });
    expect(await rejection(markAttendance({ db, actor: coach, input: { id: enrolment.id, attendance: "attended" }, now: NOW }))).toMatchObject({ code: "conflict" });
    const after = new Date(new Date(CLASS.startsAt).getTime() + 10 * 60_000);
    expect(await markAttendance({ db, actor: coach, input: { id: enrolment.id, attendance: "no_show" }, now: after })).toMatchObject({ status: "no_show" });
    expect(await markAttendance({ db, actor: coach, input: { id: enrolment.id, attendance: "attended" }, now: after })).toMatchObject({ status: "attended" });
    const [row] = await db.select({ placesTaken: trainingSessions.placesTaken }).from(trainingSessions).where(eq(trainingSessions.id, yoga.id));
    expect(row!.placesTaken).toBe(1);
  });

  it("is a session with its title in the calendar, never marked no-show as a whole", async () => {
    const yoga = await aClass(2);
    const [session] = await listSessions({ db, actor: coach, input: { from: "2027-03-03", to: "2027-03-04" }, now: NOW });
    expect(session).toMatchObject({ id: yoga.id, title: "Pilates", member: null, status: "scheduled" });
    const after = new Date(new Date(CLASS.startsAt).getTime() + 10 * 60_000);
    const refused = await rejection(markNoShow({ db, actor: coach, input: { id: yoga.id }, now: after }));
    expect(refused).toMatchObject({ code: "conflict" });
    expect(refused.message).toMatch(/attendance/);
    const [row] = await db.select({ status: trainingSessions.status }).from(trainingSessions).where(eq(trainingSessions.id, yoga.id));
    expect(row!.status).toBe("scheduled");
  });

  it("a member cannot mark attendance or see the roster", async () => {
    const yoga = await aClass(2);
    const [m1] = await members(1);
    const { enrolment } = await enrolInClass({ db, actor: m1!, input: { classId: yoga.id }, now: NOW });
    expect(await rejection(markAttendance({ db, actor: m1!, input: { id: enrolment.id, attendance: "attended" }, now: NOW }))).toMatchObject({ code: "forbidden" });
    expect((await getClass({ db, actor: m1!, input: { id: yoga.id } })).roster).toBeNull();
  });
});

describe("class series and standing places", () => {
  it("places the weekly classes up to the horizon, fills standing places, and the generator carries on", async () => {
    const created = await createClassSeries({
      db,
      actor: coach,
      input: { coachId: coach.id, title: "Spin", capacity: 2, dayOfWeek: 3, startTime: "18:00", endTime: "19:00", startDate: "2027-03-01" },
      now: NOW,
    });
    expect(created.classes.length).toBeGreaterThanOrEqual(5);
    expect(created.classes[0]).toMatchObject({ title: "Spin", capacity: 2, seriesId: created.classSeries.id });
    const [a, b, c] = await members(3);
    for (const person of [a!, b!]) await createStandingPlace({ db, actor: person, input: { seriesId: created.classSeries.id }, now: NOW });
    const third = await createStandingPlace({ db, actor: c!, input: { seriesId: created.classSeries.id }, now: NOW });
    expect(third.enrolments.every((e) => e.status === "waitlisted")).toBe(true);
    expect(third.enrolments).toHaveLength(created.classes.length);

    // Weeks later, the generator places new classes with their standing places.
    const later = new Date(NOW.getTime() + 14 * 86_400_000);
    await generateSessions(db, { weeksAhead: 8, now: later, trigger: "cli" });
    const [row] = await selectRows<{ classes: number; places: number }>(
      db,
      sql`SELECT count(DISTINCT s.id)::int AS classes, count(e.id) FILTER (WHERE e.status = 'confirmed')::int AS places
          FROM training_sessions s LEFT JOIN class_enrolments e ON e.class_id = s.id WHERE s.recurring_booking_id = ${created.classSeries.id}`,
    );
    expect(row!.classes).toBeGreaterThan(created.classes.length);
    expect(row!.places).toBe(row!.classes * 2);
  });
});
