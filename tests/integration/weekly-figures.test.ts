// The owner's weekly figures on hand-built data, checked to the minute: weeks
// are Monday–Sunday in the business zone (Paris here, and last week holds
// the spring-forward Sunday, so it is 167 hours long); a session counts in
// the week it starts in; availability is weekly rules (in each coach's own
// zone, clipped at the week's edges) ∪ additions − time off; utilisation is
// the minutes of held and scheduled sessions over that, a class counting
// only once a place in it is held; each week's classes (cancelled ones
// aside) come with their fill rate and attendance rate, one by one and
// together.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import { availabilityAdditions, blockedSlots, classEnrolments, trainingSessions, type SessionStatus } from "@/db/schema";
import { weeklyFigures, type WeeklyFigures } from "@/server/reports/weekly-figures";
import { contractViolation } from "../helpers/api-contract";
import { rejection } from "../helpers/app-error";
import { addPerson, addWeeklyRules } from "../helpers/people";
import { useMigratedDatabase } from "../helpers/test-database";

/** Wednesday 31 March 2027, 14:00 in Paris. */
const NOW = new Date("2027-03-31T12:00:00Z");

let db: DatabaseOrTransaction;
let owner: Actor;
let ann: Actor; // Paris
let ben: Actor; // New York
let cleo: Actor; // business zone, no availability
let dana: Actor; // Paris, runs classes
let fran: Actor; // no longer a coach, ran a session last week
let members: Actor[];
const classIds: Record<string, string> = {};

beforeAll(() => {
  process.env.BUSINESS_TIMEZONE = "Europe/Paris";
});
afterAll(() => {
  delete process.env.BUSINESS_TIMEZONE;
});

useMigratedDatabase(async (handle) => {
  db = handle.db;
  owner = await addPerson(db, "owner");
  ann = await addPerson(db, "coach", { name: "Ann Paris", timezone: "Europe/Paris" });
  ben = await addPerson(db, "coach", { name: "Ben New York", timezone: "America/New_York" });
  cleo = await addPerson(db, "coach", { name: "Cleo Idle" });
  dana = await addPerson(db, "coach", { name: "Dana Classes", timezone: "Europe/Paris" });
  fran = await addPerson(db, "member", { name: "Fran Former" });
  members = [await addPerson(db, "member"), await addPerson(db, "member"), await addPerson(db, "member"), await addPerson(db, "member")];

  // Ann: Mondays 09:00–12:00 and Wednesdays 14:00–16:00 Paris time (300 minutes a week).
  await addWeeklyRules(db, ann.id, [
    [1, "09:00", "12:00"],
    [3, "14:00", "16:00"],
  ]);
  await db.insert(availabilityAdditions).values([
    // Mon 22 Mar 11:00–13:00 CET: overlaps the rule, so adds one hour, not two.
    { coachId: ann.id, startsAt: new Date("2027-03-22T10:00:00Z"), endsAt: new Date("2027-03-22T12:00:00Z") },
    // Fri 26 Mar 10:00–11:00 CET.
    { coachId: ann.id, startsAt: new Date("2027-03-26T09:00:00Z"), endsAt: new Date("2027-03-26T10:00:00Z") },
  ]);
  // Time off Wed 31 Mar 15:00–17:00 CEST: takes the last hour of that Wednesday's rule.
  await db.insert(blockedSlots).values({
    coachId: ann.id,
    startsAt: new Date("2027-03-31T13:00:00Z"),
    endsAt: new Date("2027-03-31T15:00:00Z"),
  });

  // Ben: Sundays 17:00–20:00 New York time (EDT, 21:00–24:00Z), which straddle
  // the Paris week boundaries (Sun 21 Mar 23:00Z, Sun 28 Mar 22:00Z, Sun 4 Apr 22:00Z).
  await addWeeklyRules(db, ben.id, [[0, "17:00", "20:00"]]);

  const session = (coach: Actor, member: Actor, startsAt: string, endsAt: string, status: SessionStatus) => ({
    coachId: coach.id,
    memberId: member.id,
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    status,
  });
  const [m1, m2, m3] = members as [Actor, Actor, Actor];
  await db.insert(trainingSessions).values([
    // The week before last: counted nowhere.
    session(ann, m1, "2027-03-15T08:00:00Z", "2027-03-15T09:00:00Z", "completed"),
    // Last week, Ann.
    session(ann, m1, "2027-03-22T08:00:00Z", "2027-03-22T09:00:00Z", "completed"),
    session(ann, m1, "2027-03-22T09:00:00Z", "2027-03-22T10:00:00Z", "completed"),
    session(ann, m1, "2027-03-24T13:00:00Z", "2027-03-24T14:00:00Z", "no_show"),
    session(ann, m1, "2027-03-24T14:00:00Z", "2027-03-24T15:00:00Z", "cancelled"),
    session(ann, m1, "2027-03-26T09:00:00Z", "2027-03-26T10:00:00Z", "scheduled"),
    // Sun 28 Mar 23:30–00:30 CEST: starts last week, ends this week.
    session(ann, m1, "2027-03-28T21:30:00Z", "2027-03-28T22:30:00Z", "completed"),
    // Last week, Ben: Sun 21 Mar 19:00–19:45 EDT = Mon 22 Mar 00:00 Paris.
    session(ben, m2, "2027-03-21T23:00:00Z", "2027-03-21T23:45:00Z", "completed"),
    // Last week, Fran (a coach then): Tue 23 Mar 10:00–10:30 CET.
    session(fran, m3, "2027-03-23T09:00:00Z", "2027-03-23T09:30:00Z", "completed"),
    // This week, Ann.
    session(ann, m1, "2027-03-29T07:00:00Z", "2027-03-29T08:00:00Z", "completed"),
    session(ann, m1, "2027-03-29T08:00:00Z", "2027-03-29T09:00:00Z", "cancelled"),
    session(ann, m1, "2027-03-31T12:00:00Z", "2027-03-31T13:00:00Z", "scheduled"),
    // This week, Ben: starting exactly on the boundary counts in the week it opens.
    session(ben, m2, "2027-03-28T22:00:00Z", "2027-03-28T23:00:00Z", "no_show"),
    session(ben, m2, "2027-04-04T21:00:00Z", "2027-04-04T21:45:00Z", "scheduled"),
  ]);

  // Dana: Tuesdays and Thursdays 17:00–20:00 Paris time (360 minutes a week), and classes.
  await addWeeklyRules(db, dana.id, [
    [2, "17:00", "20:00"],
    [4, "17:00", "20:00"],
  ]);
  const classTimes: Record<string, { startsAt: Date; endsAt: Date }> = {};
  const aClass = async (key: string, title: string, startsAt: string, endsAt: string, capacity: number, status: SessionStatus) => {
    const [row] = await db
      .insert(trainingSessions)
      .values({ coachId: dana.id, type: "GROUP", title, capacity, startsAt: new Date(startsAt), endsAt: new Date(endsAt), status })
      .returning({ id: trainingSessions.id });
    classIds[key] = row!.id;
    classTimes[key] = { startsAt: new Date(startsAt), endsAt: new Date(endsAt) };
  };
  // The week before last: counted nowhere.
  await aClass("before", "Pilates", "2027-03-16T17:00:00Z", "2027-03-16T18:00:00Z", 4, "completed");
  // Last week: Tue 23 Mar 18:00–19:00 CET, held, four places asked for (one given up);
  // Thu 25 Mar 18:00–19:30 CET, nobody came to book it; Fri 26 Mar, cancelled.
  await aClass("pilates", "Pilates", "2027-03-23T17:00:00Z", "2027-03-23T18:00:00Z", 4, "completed");
  await aClass("yoga", "Yoga", "2027-03-25T17:00:00Z", "2027-03-25T18:30:00Z", 5, "scheduled");
  await aClass("boxing", "Boxing", "2027-03-26T17:00:00Z", "2027-03-26T18:00:00Z", 6, "cancelled");
  // This week: Thu 1 Apr 18:00–19:00 CEST, two places held, one waiting, one given up.
  await aClass("next", "Pilates", "2027-04-01T16:00:00Z", "2027-04-01T17:00:00Z", 4, "scheduled");
  const m4 = members[3]!;
  const place = (key: string, member: Actor, status: "confirmed" | "waitlisted" | "cancelled" | "attended" | "no_show") => ({
    classId: classIds[key]!,
    memberId: member.id,
    status,
    ...classTimes[key]!,
  });
  await db.insert(classEnrolments).values([
    place("before", m1, "attended"),
    place("pilates", m1, "attended"),
    place("pilates", m2, "attended"),
    place("pilates", m3, "no_show"),
    place("pilates", m4, "cancelled"),
    place("next", m1, "confirmed"),
    place("next", m2, "confirmed"),
    place("next", m3, "cancelled"),
    place("next", m4, "waitlisted"),
  ]);
});

describe("weeklyFigures", () => {
  let figures: WeeklyFigures;
  beforeAll(async () => {
    figures = await weeklyFigures({ db, actor: owner, now: NOW });
  });

  it("cuts the weeks Monday to Sunday in the business zone", () => {
    expect(figures.timeZone).toBe("Europe/Paris");
    expect(figures.lastWeek).toMatchObject({
      monday: "2027-03-22",
      sunday: "2027-03-28",
      startsAt: "2027-03-21T23:00:00.000Z",
      endsAt: "2027-03-28T22:00:00.000Z",
    });
    expect(figures.thisWeek).toMatchObject({
      monday: "2027-03-29",
      sunday: "2027-04-04",
      startsAt: "2027-03-28T22:00:00.000Z",
      endsAt: "2027-04-04T22:00:00.000Z",
    });
  });

  it("counts last week's sessions and availability per coach, to the minute", () => {
    expect(figures.lastWeek.coaches).toEqual([
      {
        coachId: ann.id,
        name: "Ann Paris",
        timezone: "Europe/Paris",
        held: 3,
        cancelled: 1,
        noShows: 1,
        scheduled: 1,
        bookedMinutes: 240,
        // Mon 09:00–13:00 (rule ∪ addition) + Wed 14:00–16:00 + Fri 10:00–11:00.
        availableMinutes: 420,
        utilisation: 240 / 420,
      },
      {
        coachId: ben.id,
        name: "Ben New York",
        timezone: "America/New_York",
        held: 1,
        cancelled: 0,
        noShows: 0,
        scheduled: 0,
        bookedMinutes: 45,
        // The last hour of Sun 21 Mar and the first hour of Sun 28 Mar.
        availableMinutes: 120,
        utilisation: 45 / 120,
      },
      { coachId: cleo.id, name: "Cleo Idle", timezone: "Europe/Paris", ...nothing() },
      {
        coachId: dana.id,
        name: "Dana Classes",
        timezone: "Europe/Paris",
        held: 1,
        cancelled: 1,
        noShows: 0,
        scheduled: 1,
        // Tuesday's class, which held places; Thursday's empty one is no booked time.
        bookedMinutes: 60,
        availableMinutes: 360,
        utilisation: 60 / 360,
      },
      {
        coachId: fran.id,
        name: "Fran Former",
        timezone: "Europe/Paris",
        ...nothing(),
        held: 1,
        bookedMinutes: 30,
      },
    ]);
    expect(figures.lastWeek).toMatchObject({
      held: 6,
      cancelled: 2,
      noShows: 1,
      scheduled: 2,
      bookedMinutes: 375,
      availableMinutes: 900,
      utilisation: 375 / 900,
    });
  });

  it("counts this week's, time off taken out of availability", () => {
    const byName = Object.fromEntries(figures.thisWeek.coaches.map((coach) => [coach.name, coach]));
    expect(byName["Ann Paris"]).toMatchObject({
      held: 1,
      cancelled: 1,
      noShows: 0,
      scheduled: 1,
      bookedMinutes: 120,
      // Mon 09:00–12:00 + Wed 14:00–15:00 (15:00–16:00 is time off).
      availableMinutes: 240,
      utilisation: 0.5,
    });
    expect(byName["Ben New York"]).toMatchObject({
      held: 0,
      noShows: 1,
      scheduled: 1,
      bookedMinutes: 45,
      // Sun 28 Mar 22:00–24:00Z and Sun 4 Apr 21:00–22:00Z.
      availableMinutes: 180,
      utilisation: 0.25,
    });
    expect(byName["Cleo Idle"]).toMatchObject(nothing());
    expect(byName["Dana Classes"]).toMatchObject({
      held: 0,
      cancelled: 0,
      noShows: 0,
      scheduled: 1,
      bookedMinutes: 60,
      availableMinutes: 360,
      utilisation: 60 / 360,
    });
    expect(byName["Fran Former"]).toMatchObject(nothing());
    expect(figures.thisWeek).toMatchObject({
      held: 1,
      cancelled: 1,
      noShows: 1,
      scheduled: 3,
      bookedMinutes: 225,
      availableMinutes: 780,
      utilisation: 225 / 780,
    });
  });

  it("gives each class of last week its fill and attendance, cancelled classes aside", () => {
    const coach = { id: dana.id, name: "Dana Classes", timezone: "Europe/Paris" };
    expect(figures.lastWeek.classes).toEqual([
      {
        id: classIds.pilates,
        title: "Pilates",
        startsAt: "2027-03-23T17:00:00.000Z",
        coach,
        capacity: 4,
        // Attended and no-show places are held; the one given up is not.
        held: 3,
        attended: 2,
        noShow: 1,
        fillRate: 0.75,
        attendanceRate: 2 / 3,
      },
      {
        id: classIds.yoga,
        title: "Yoga",
        startsAt: "2027-03-25T17:00:00.000Z",
        coach,
        capacity: 5,
        held: 0,
        attended: 0,
        noShow: 0,
        fillRate: 0,
        attendanceRate: null,
      },
    ]);
    expect(figures.lastWeek.classTotals).toEqual({
      classes: 2,
      capacity: 9,
      held: 3,
      attended: 2,
      noShow: 1,
      fillRate: 3 / 9,
      attendanceRate: 2 / 3,
    });
  });

  it("gives this week's classes their fill so far, attendance not yet marked", () => {
    expect(figures.thisWeek.classes).toEqual([
      {
        id: classIds.next,
        title: "Pilates",
        startsAt: "2027-04-01T16:00:00.000Z",
        coach: { id: dana.id, name: "Dana Classes", timezone: "Europe/Paris" },
        capacity: 4,
        // Two confirmed; the waitlisted and the cancelled place hold nothing.
        held: 2,
        attended: 0,
        noShow: 0,
        fillRate: 0.5,
        attendanceRate: null,
      },
    ]);
    expect(figures.thisWeek.classTotals).toEqual({
      classes: 1,
      capacity: 4,
      held: 2,
      attended: 0,
      noShow: 0,
      fillRate: 0.5,
      attendanceRate: null,
    });
  });

  it("has no class figures for a week without classes", async () => {
    // Two weeks later: nothing booked at all.
    const later = await weeklyFigures({ db, actor: owner, now: new Date("2027-04-14T12:00:00Z") });
    expect(later.thisWeek.classes).toEqual([]);
    expect(later.thisWeek.classTotals).toEqual({ classes: 0, capacity: 0, held: 0, attended: 0, noShow: 0, fillRate: null, attendanceRate: null });
    expect(later.lastWeek.classes).toEqual([]);
  });

  it("answers what the API reference says, classes included", () => {
    expect(figures.lastWeek.classes.length + figures.thisWeek.classes.length).toBeGreaterThan(0);
    const body = JSON.stringify({ figures });
    expect(contractViolation("GET", new URL("http://localhost/api/v1/reports/weekly-figures"), 200, "application/json", body)).toBeUndefined();
    // The reference is strict: a field it does not describe is refused.
    const extra = JSON.stringify({ figures: { ...figures, thisWeek: { ...figures.thisWeek, classTotals: { ...figures.thisWeek.classTotals, spare: 1 } } } });
    expect(contractViolation("GET", new URL("http://localhost/api/v1/reports/weekly-figures"), 200, "application/json", extra)).toMatch(/additional/);
  });

  it("is the owner's alone", async () => {
    expect((await rejection(weeklyFigures({ db, actor: ann, now: NOW }))).code).toBe("forbidden");
    expect((await rejection(weeklyFigures({ db, actor: members[0]!, now: NOW }))).code).toBe("forbidden");
    expect((await rejection(weeklyFigures({ db, actor: null, now: NOW }))).code).toBe("unauthenticated");
  });
});

function nothing() {
  return { held: 0, cancelled: 0, noShows: 0, scheduled: 0, bookedMinutes: 0, availableMinutes: 0, utilisation: null };
}
