// The owner's "generate now" and the list of runs, on a real database: the
// owner's run is recorded (trigger admin, who asked) and listed with its
// counts, newest first; coaches and members are refused; a bad weeksAhead is
// refused naming the field, before any run row is written. The cron path
// (runScheduledGeneration) records its own trigger and the horizon.
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import { recurringBookings, sessionConflicts, sessionGenerationRuns, trainingSessions } from "@/db/schema";
import { listGenerationRuns } from "@/server/sessions/list-generation-runs";
import { runGeneration } from "@/server/sessions/run-generation";
import { runScheduledGeneration } from "@/server/sessions/run-scheduled-generation";
import { ALL_WEEK, addPerson, addSeries, addWeeklyRules } from "../helpers/people";
import { rejection } from "../helpers/app-error";
import { useMigratedDatabase } from "../helpers/test-database";

let db: DatabaseOrTransaction;
let owner: Actor;
let coach: Actor;
let member: Actor;

const NOW = new Date("2027-03-01T00:00:00Z");

useMigratedDatabase(async (handle) => {
  db = handle.db;
  owner = await addPerson(db, "owner", { name: "Olive Owner" });
  coach = await addPerson(db, "coach", { timezone: "UTC" });
  member = await addPerson(db, "member");
  await addWeeklyRules(db, coach.id, ALL_WEEK);
  // Every Wednesday 10:00 UTC from 2027-03-03: two occurrences in two weeks.
  await addSeries(db, {
    memberId: member.id,
    coachId: coach.id,
    dayOfWeek: 3,
    startTime: "10:00",
    endTime: "11:00",
    startDate: "2027-03-03",
  });
});

beforeEach(async () => {
  await db.delete(sessionConflicts);
  await db.delete(trainingSessions);
  await db.delete(sessionGenerationRuns);
  // The generator's high-water mark goes with the sessions it stands for.
  await db.update(recurringBookings).set({ nextOccurrenceOn: null });
});

async function runCount(): Promise<number> {
  return (await db.select().from(sessionGenerationRuns)).length;
}

describe("runGeneration", () => {
  it("lets the owner run it: the run is recorded and listed with its counts and who asked", async () => {
    const run = await runGeneration({ db, actor: owner, input: { weeksAhead: 2 }, now: NOW });
    expect(run).toMatchObject({
      trigger: "admin",
      status: "succeeded",
      weeksAhead: 2,
      created: 2,
      conflicts: 0,
      completed: 0,
      error: null,
      requestedBy: { id: owner.id, name: "Olive Owner", email: owner.email },
    });
    expect(run.durationMs).toEqual(expect.any(Number));
    expect(new Date(run.startedAt).toISOString()).toBe(run.startedAt);
    expect(run.finishedAt).not.toBeNull();

    // Idempotent: a second run creates nothing and is listed first.
    const again = await runGeneration({ db, actor: owner, input: { weeksAhead: 2 }, now: NOW });
    expect(again).toMatchObject({ created: 0, conflicts: 0, status: "succeeded" });

    const runs = await listGenerationRuns({ db, actor: owner });
    expect(runs.map((listed) => listed.id)).toEqual([again.id, run.id]);
    expect(runs[1]).toEqual(run);
    // JSON-friendly: survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(runs))).toEqual(runs);
  });

  it.each(["coach", "member"] as const)("refuses a %s with 403 and writes no run", async (role) => {
    const actor = role === "coach" ? coach : member;
    const error = await rejection(runGeneration({ db, actor, input: { weeksAhead: 2 }, now: NOW }));
    expect(error.code).toBe("forbidden");
    expect(error.status).toBe(403);
    expect(await runCount()).toBe(0);
    const listing = await rejection(listGenerationRuns({ db, actor }));
    expect(listing.status).toBe(403);
  });

  it("refuses anonymous callers with 401", async () => {
    expect((await rejection(runGeneration({ db, actor: null, input: { weeksAhead: 2 } }))).status).toBe(401);
    expect((await rejection(listGenerationRuns({ db, actor: null }))).status).toBe(401);
    expect(await runCount()).toBe(0);
  });

  it.each([0, 53, 2.5, -1, "six", "6", null, undefined])(
    "refuses weeksAhead %j with 400 naming weeksAhead, and writes no run",
    async (weeksAhead) => {
      const input = (weeksAhead === undefined ? {} : { weeksAhead }) as { weeksAhead: number };
      const error = await rejection(runGeneration({ db, actor: owner, input, now: NOW }));
      expect(error.code).toBe("invalid_input");
      expect(error.status).toBe(400);
      expect(Object.keys(error.fields ?? {})).toEqual(["weeksAhead"]);
      expect(error.message).toContain("weeksAhead");
      expect(await runCount()).toBe(0);
    },
  );

  it("refuses unknown fields, naming them", async () => {
    const input = { weeksAhead: 2, weeks: 2 } as unknown as { weeksAhead: number };
    const error = await rejection(runGeneration({ db, actor: owner, input, now: NOW }));
    expect(error.fields).toEqual({ weeks: "Unknown field" });
    expect(await runCount()).toBe(0);
  });
});

describe("listGenerationRuns", () => {
  it("answers the newest runs first, 20 by default, at most `limit`, with every trigger", async () => {
    for (let index = 0; index < 22; index++) {
      await db.insert(sessionGenerationRuns).values({
        trigger: index % 2 ? "cron" : "cli",
        weeksAhead: 1,
        status: "succeeded",
        createdCount: index,
        startedAt: new Date(NOW.getTime() + index * 60_000),
        finishedAt: new Date(NOW.getTime() + index * 60_000 + 1_000),
        durationMs: 1_000,
      });
    }
    const runs = await listGenerationRuns({ db, actor: owner });
    expect(runs).toHaveLength(20);
    expect(runs.map((run) => run.created)).toEqual([...Array(20).keys()].map((index) => 21 - index));
    expect(runs[0]).toMatchObject({ trigger: "cron", requestedBy: null, finishedAt: "2027-03-01T00:21:01.000Z" });

    expect(await listGenerationRuns({ db, actor: owner, input: { limit: 3 } })).toHaveLength(3);
    expect(await listGenerationRuns({ db, actor: owner, input: { limit: "100" } })).toHaveLength(22);
    for (const limit of [0, 101, "ten"]) {
      const error = await rejection(listGenerationRuns({ db, actor: owner, input: { limit } }));
      expect(Object.keys(error.fields ?? {})).toEqual(["limit"]);
    }
  });

  it("shows a failed run with its error", async () => {
    await db.insert(sessionGenerationRuns).values({ trigger: "cron", weeksAhead: 6, status: "failed", error: "boom" });
    const [run] = await listGenerationRuns({ db, actor: owner });
    expect(run).toMatchObject({ status: "failed", error: "boom", finishedAt: null, durationMs: null });
  });
});

describe("runScheduledGeneration", () => {
  it("generates SESSION_HORIZON_WEEKS ahead and records its trigger", async () => {
    const { run, alreadyRan } = await runScheduledGeneration({ db, trigger: "cron", now: NOW });
    expect(alreadyRan).toBe(false);
    expect(run).toMatchObject({ trigger: "cron", status: "succeeded", weeksAhead: 6, created: 6, requestedBy: null });
    // The next day's run is the scheduler's (the day before's is taken: scheduled-runs.test.ts).
    const scheduled = await runScheduledGeneration({ db, trigger: "scheduler", now: new Date(NOW.getTime() + 86_400_000) });
    expect(scheduled).toMatchObject({ alreadyRan: false, run: { trigger: "scheduler", created: 0, scheduledOn: "2027-03-02" } });
  });
});
