// listFreeSlots() on a real database: free = rules ∪ additions − blocked −
// sessions − notice, aligned to the coach's local :00/:30; a DST week in New
// York and a Kathmandu (+05:45) coach; validation naming fields; and the
// "one query per request" promise, counted statement by statement through a
// drizzle logger on the same connection, and checked against a brute-force
// reference over 62 days with hundreds of sessions.
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { Temporal } from "temporal-polyfill";
import { beforeEach, describe, expect, it } from "vitest";
import type { DatabaseOrTransaction } from "@/db";
import type { DatabaseHandle } from "@/db/client";
import {
  availabilityAdditions,
  blockedSlots,
  trainingSessions,
} from "@/db/schema";
import { wallClockToInstant } from "@/domain/time";
import { listFreeSlots } from "@/server/availability/list-free-slots";
import { addPerson, addWeeklyRules, clearBusinessData } from "../helpers/people";
import { rejection } from "../helpers/app-error";
import { useMigratedDatabase } from "../helpers/test-database";

let handle: DatabaseHandle;
let db: DatabaseOrTransaction;

useMigratedDatabase((opened) => {
  handle = opened;
  db = opened.db;
});

beforeEach(async () => {
  await clearBusinessData(db);
});

const LONG_AGO = new Date("2020-01-01T00:00:00Z");

async function addSession(coachId: string, memberId: string | null, startsAt: string, endsAt: string, status: "scheduled" | "cancelled" = "scheduled") {
  await db.insert(trainingSessions).values({ coachId, memberId, startsAt: new Date(startsAt), endsAt: new Date(endsAt), status });
}

async function starts(coachId: string, input: { from: string; to: string; duration?: number }, now = LONG_AGO, on = db) {
  const member = await addPerson(db, "member");
  const result = await listFreeSlots({ db: on, actor: member, now, input: { coachId, ...input } });
  return result.slots.map((slot) => slot.startsAt);
}

describe("listFreeSlots", () => {
  it("is rules ∪ additions − blocked slots − non-cancelled sessions, each slot wholly inside free time", async () => {
    const coach = await addPerson(db, "coach"); // UTC
    const member = await addPerson(db, "member");
    await addWeeklyRules(db, coach.id, [[1, "09:00", "12:00"]]); // Monday 2027-03-01
    await db.insert(availabilityAdditions).values({
      coachId: coach.id,
      startsAt: new Date("2027-03-01T14:00:00Z"),
      endsAt: new Date("2027-03-01T15:00:00Z"),
    });
    await db.insert(blockedSlots).values({
      coachId: coach.id,
      startsAt: new Date("2027-03-01T10:00:00Z"),
      endsAt: new Date("2027-03-01T10:30:00Z"),
    });
    await addSession(coach.id, member.id, "2027-03-01T11:00:00Z", "2027-03-01T11:30:00Z");
    await addSession(coach.id, member.id, "2027-03-01T09:00:00Z", "2027-03-01T09:30:00Z", "cancelled");

    const day = { from: "2027-03-01", to: "2027-03-01" };
    expect(await starts(coach.id, { ...day, duration: 30 })).toEqual([
      "2027-03-01T09:00:00.000Z", // the cancelled session frees its time
      "2027-03-01T09:30:00.000Z",
      "2027-03-01T10:30:00.000Z",
      "2027-03-01T11:30:00.000Z",
      "2027-03-01T14:00:00.000Z",
      "2027-03-01T14:30:00.000Z",
    ]);
    const member2 = await addPerson(db, "member");
    const hour = await listFreeSlots({ db, actor: member2, now: LONG_AGO, input: { coachId: coach.id, ...day } });
    // No duration given: the coach's default (60).
    expect(hour).toEqual({
      coachId: coach.id,
      timezone: "UTC",
      duration: 60,
      slots: [
        { startsAt: "2027-03-01T09:00:00.000Z", endsAt: "2027-03-01T10:00:00.000Z" },
        { startsAt: "2027-03-01T14:00:00.000Z", endsAt: "2027-03-01T15:00:00.000Z" },
      ],
    });
  });

  it("merges touching rules and additions into one stretch, so a slot may span them", async () => {
    const coach = await addPerson(db, "coach");
    await addWeeklyRules(db, coach.id, [
      [1, "09:00", "10:00"],
      [1, "10:00", "10:30"],
    ]);
    await db.insert(availabilityAdditions).values({
      coachId: coach.id,
      startsAt: new Date("2027-03-01T10:30:00Z"),
      endsAt: new Date("2027-03-01T11:00:00Z"),
    });
    expect(await starts(coach.id, { from: "2027-03-01", to: "2027-03-01", duration: 120 })).toEqual(["2027-03-01T09:00:00.000Z"]);
  });

  it("starts no slot before now + the coach's minimum notice", async () => {
    const coach = await addPerson(db, "coach", { minimumNoticeMinutes: 90 });
    await addWeeklyRules(db, coach.id, [[1, "08:00", "12:00"]]);
    const now = new Date("2027-03-01T08:10:00Z"); // earliest start 09:40 → 10:00
    expect(await starts(coach.id, { from: "2027-03-01", to: "2027-03-01" }, now)).toEqual([
      "2027-03-01T10:00:00.000Z",
      "2027-03-01T10:30:00.000Z",
      "2027-03-01T11:00:00.000Z",
    ]);
  });

  it("keeps 09:00 local across the spring-forward week in New York", async () => {
    const coach = await addPerson(db, "coach", { timezone: "America/New_York" });
    await addWeeklyRules(db, coach.id, [0, 1, 2, 3, 4, 5, 6].map((day) => [day, "09:00", "10:00"] as const));
    expect(await starts(coach.id, { from: "2027-03-08", to: "2027-03-14" })).toEqual([
      "2027-03-08T14:00:00.000Z",
      "2027-03-09T14:00:00.000Z",
      "2027-03-10T14:00:00.000Z",
      "2027-03-11T14:00:00.000Z",
      "2027-03-12T14:00:00.000Z",
      "2027-03-13T14:00:00.000Z",
      "2027-03-14T13:00:00.000Z", // Sunday: EDT
    ]);
  });

  it("offers the real hours of the changeover night: 01:00–04:00 local on 2027-03-14 is two hours long", async () => {
    const coach = await addPerson(db, "coach", { timezone: "America/New_York" });
    await addWeeklyRules(db, coach.id, [[0, "01:00", "04:00"]]);
    expect(await starts(coach.id, { from: "2027-03-14", to: "2027-03-14" })).toEqual([
      "2027-03-14T06:00:00.000Z", // 01:00 EST
      "2027-03-14T06:30:00.000Z", // 01:30 EST
      "2027-03-14T07:00:00.000Z", // 03:00 EDT
    ]);
  });

  it("survives a rule inside the spring-forward gap: 02:30–03:00 on 2027-03-14 keeps its half hour from 03:30 EDT", async () => {
    const coach = await addPerson(db, "coach", { timezone: "America/New_York" });
    await addWeeklyRules(db, coach.id, [[0, "02:30", "03:00"]]);
    expect(await starts(coach.id, { from: "2027-03-07", to: "2027-03-14", duration: 30 })).toEqual([
      "2027-03-07T07:30:00.000Z", // 02:30 EST
      "2027-03-14T07:30:00.000Z", // 03:30 EDT
    ]);
  });

  it("reads from/to as the coach's local dates and aligns to their :00/:30 in Kathmandu (+05:45)", async () => {
    const coach = await addPerson(db, "coach", { timezone: "Asia/Kathmandu" });
    await addWeeklyRules(db, coach.id, [
      [1, "00:00", "01:00"], // Monday 00:00 local is still Sunday in UTC
      [1, "09:10", "11:00"],
      [2, "00:00", "01:00"], // Tuesday: outside the asked dates
    ]);
    expect(await starts(coach.id, { from: "2027-03-01", to: "2027-03-01" })).toEqual([
      "2027-02-28T18:15:00.000Z", // Monday 00:00
      "2027-03-01T03:45:00.000Z", // 09:30
      "2027-03-01T04:15:00.000Z", // 10:00
    ]);
  });

  it("lets a slot that starts on the last date run past local midnight into the next day's free time", async () => {
    const coach = await addPerson(db, "coach");
    await addWeeklyRules(db, coach.id, [[2, "00:00", "02:00"]]); // Tuesday early hours
    await db.insert(availabilityAdditions).values({
      coachId: coach.id,
      startsAt: new Date("2027-03-01T23:00:00Z"), // Monday 23:00 → Tuesday 00:00
      endsAt: new Date("2027-03-02T00:00:00Z"),
    });
    expect(await starts(coach.id, { from: "2027-03-01", to: "2027-03-01", duration: 90 })).toEqual([
      "2027-03-01T23:00:00.000Z",
      "2027-03-01T23:30:00.000Z",
    ]);
  });

  it("refuses bad input naming the field; 404 for an id that is not a coach's; 401 without an actor", async () => {
    const coach = await addPerson(db, "coach");
    const member = await addPerson(db, "member");
    const attempt = (input: Record<string, unknown>) =>
      rejection(listFreeSlots({ db, actor: member, input: { coachId: coach.id, ...input } as never }));
    const fieldsOf = async (input: Record<string, unknown>) => Object.keys((await attempt(input)).fields ?? {});

    expect(await fieldsOf({ from: "2027-03-02", to: "2027-03-01" })).toEqual(["to"]);
    expect((await attempt({ from: "2027-03-01", to: "2027-05-02" })).fields).toEqual({ to: "At most 62 days after from, inclusive" });
    expect(await fieldsOf({ from: "2027-02-30", to: "2027-03-01" })).toEqual(["from"]);
    expect(await fieldsOf({ from: "2027-03-01" })).toEqual(["to"]);
    for (const duration of [0, 20, 495, "abc", 7.5]) {
      expect(await fieldsOf({ from: "2027-03-01", to: "2027-03-01", duration })).toEqual(["duration"]);
    }
    // 62 days inclusive is the most, and a query string's "60" is a number.
    await listFreeSlots({ db, actor: member, input: { coachId: coach.id, from: "2027-03-01", to: "2027-05-01", duration: "60" } });

    expect((await rejection(listFreeSlots({ db, actor: member, input: { coachId: member.id, from: "2027-03-01", to: "2027-03-01" } }))).code).toBe(
      "not_found",
    );
    expect((await rejection(listFreeSlots({ db, actor: null, input: { coachId: coach.id, from: "2027-03-01", to: "2027-03-01" } }))).code).toBe(
      "unauthenticated",
    );
  });
});

describe("one query per request", () => {
  /** A drizzle instance on the same connection that records every statement it sends. */
  function countingDatabase(): { db: DatabaseOrTransaction; statements: string[] } {
    const statements: string[] = [];
    const logger = { logQuery: (query: string) => void statements.push(query) };
    const counted =
      handle.kind === "pglite" ? drizzlePglite(handle.db.$client, { logger }) : drizzlePostgres(handle.db.$client, { logger });
    return { db: counted as unknown as DatabaseOrTransaction, statements };
  }

  it("answers 62 days with hundreds of sessions, additions and blocked slots in one statement, exactly as a brute-force reference", async () => {
    const zone = "Asia/Kathmandu";
    const coach = await addPerson(db, "coach", { timezone: zone, minimumNoticeMinutes: 0 });
    const member = await addPerson(db, "member");
    const rules = [
      [1, "08:00", "12:00"],
      [1, "13:00", "18:00"],
      [2, "09:00", "17:00"],
      [3, "06:30", "21:00"],
      [4, "09:00", "12:15"],
      [5, "10:00", "16:00"],
      [6, "09:00", "11:00"],
    ] as const;
    await addWeeklyRules(db, coach.id, rules);

    // Deterministic pseudo-random calendar over 2027-03-01 .. 2027-05-01 (62 days).
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const dates = Array.from({ length: 62 }, (_, i) => Temporal.PlainDate.from("2027-03-01").add({ days: i }).toString());
    const at = (date: string, minutes: number) =>
      wallClockToInstant(date, `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`, zone);
    const sessions: Array<{ start: Date; end: Date }> = [];
    const additions: Array<{ start: Date; end: Date }> = [];
    const blocked: Array<{ start: Date; end: Date }> = [];
    for (const date of dates) {
      let minute = 6 * 60;
      while (minute < 21 * 60) {
        minute += 15 * Math.floor(random() * 8);
        const length = 15 * (2 + Math.floor(random() * 4));
        if (minute + length > 22 * 60) break;
        sessions.push({ start: at(date, minute), end: at(date, minute + length) });
        minute += length;
      }
      if (random() < 0.3) {
        const start = 15 * Math.floor(random() * 88);
        additions.push({ start: at(date, start), end: new Date(at(date, start).getTime() + 15 * 60_000 * (1 + Math.floor(random() * 12))) });
      }
      if (random() < 0.3) {
        const start = 15 * Math.floor(random() * 88);
        blocked.push({ start: at(date, start), end: new Date(at(date, start).getTime() + 15 * 60_000 * (1 + Math.floor(random() * 8))) });
      }
    }
    await db.insert(trainingSessions).values(sessions.map((s) => ({ coachId: coach.id, memberId: member.id, startsAt: s.start, endsAt: s.end })));
    await db.insert(availabilityAdditions).values(additions.map((a) => ({ coachId: coach.id, startsAt: a.start, endsAt: a.end })));
    await db.insert(blockedSlots).values(blocked.map((b) => ({ coachId: coach.id, startsAt: b.start, endsAt: b.end })));
    expect(sessions.length).toBeGreaterThan(300);

    const counting = countingDatabase();
    const result = await listFreeSlots({
      db: counting.db,
      actor: member,
      now: LONG_AGO,
      input: { coachId: coach.id, from: dates[0]!, to: dates.at(-1)!, duration: 45 },
    });
    expect(counting.statements).toHaveLength(1);

    // Brute force: every local :00/:30 start on each date, checked in 15-minute steps.
    const available = [
      ...[...dates, "2027-05-02"].flatMap((date) => {
        const dow = Temporal.PlainDate.from(date).dayOfWeek % 7;
        return rules
          .filter(([day]) => day === dow)
          .map(([, startTime, endTime]) => ({ start: wallClockToInstant(date, startTime, zone), end: wallClockToInstant(date, endTime, zone) }));
      }),
      ...additions,
    ];
    const busy = [...sessions, ...blocked];
    const inside = (t: number, ranges: Array<{ start: Date; end: Date }>) => ranges.some((r) => r.start.getTime() <= t && t < r.end.getTime());
    const expected: string[] = [];
    for (const date of dates) {
      for (let minute = 0; minute < 24 * 60; minute += 30) {
        const start = at(date, minute).getTime();
        let free = true;
        for (let t = start; t < start + 45 * 60_000 && free; t += 15 * 60_000) free = inside(t, available) && !inside(t, busy);
        if (free) expected.push(new Date(start).toISOString());
      }
    }
    expect(expected.length).toBeGreaterThan(50);
    expect(result.slots.map((slot) => slot.startsAt)).toEqual(expected);
  });
});
