// The daily run happens once per scheduled day, decided by the database
// (session_generation_runs.scheduled_on, unique), not by timing: callers at
// once — on PostgreSQL each on a pool connection of its own, as instances
// are — make one run and are all answered it. A run whose process died stays
// `running` only until the next run starts or the runs are listed: then it
// is closed as failed, saying why.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import { sessionGenerationRuns, trainingSessions } from "@/db/schema";
import { generateSessions } from "@/server/sessions/generate-sessions";
import { STALE_RUN_AFTER_MINUTES, STALE_RUN_ERROR } from "@/server/sessions/generation-runs";
import { listGenerationRuns } from "@/server/sessions/list-generation-runs";
import { runScheduledGeneration, scheduledDay } from "@/server/sessions/run-scheduled-generation";
import { ALL_WEEK, addPerson, addSeries, addWeeklyRules } from "../helpers/people";
import { useMigratedDatabase } from "../helpers/test-database";

let db: DatabaseOrTransaction;
let owner: Actor;

// A Monday; the series below has one occurrence a week.
const NOW = new Date("2027-03-01T02:00:00Z");
const DAY_MS = 86_400_000;

useMigratedDatabase(async (handle) => {
  db = handle.db;
  owner = await addPerson(db, "owner");
  const coach = await addPerson(db, "coach", { timezone: "UTC" });
  const member = await addPerson(db, "member");
  await addWeeklyRules(db, coach.id, ALL_WEEK);
  await addSeries(db, { memberId: member.id, coachId: coach.id, dayOfWeek: 3, startTime: "10:00", endTime: "11:00", startDate: "2027-03-03" });
});

describe("scheduledDay", () => {
  it("is the date of `now` in the business zone", () => {
    expect(scheduledDay(new Date("2027-03-01T02:00:00Z"), "UTC")).toBe("2027-03-01");
    expect(scheduledDay(new Date("2027-03-01T02:00:00Z"), "America/Los_Angeles")).toBe("2027-02-28");
    expect(scheduledDay(new Date("2027-03-01T23:30:00Z"), "Europe/Paris")).toBe("2027-03-02");
  });
});

describe("one run per scheduled day", () => {
  it("runs the day once however many callers ask at once, and answers each of them that run", async () => {
    const callers = 8;
    const results = await Promise.all(
      Array.from({ length: callers }, (_, index) =>
        runScheduledGeneration({ db, trigger: index % 2 ? "cron" : "scheduler", now: NOW }),
      ),
    );
    const ran = results.filter((result) => !result.alreadyRan);
    expect(ran).toHaveLength(1);
    const run = ran[0]!.run;
    expect(run).toMatchObject({ status: "succeeded", scheduledOn: "2027-03-01", weeksAhead: 6, created: 6 });
    // The others were answered the day's run: finished, or still running when they asked.
    for (const result of results) expect(result.run.id).toBe(run.id);

    const rows = await db.select().from(sessionGenerationRuns).where(eq(sessionGenerationRuns.scheduledOn, "2027-03-01"));
    expect(rows).toHaveLength(1);
    expect(await db.$count(trainingSessions)).toBe(6);
  });

  it("runs again the next day, and runs by hand are never keyed by a day", async () => {
    const next = await runScheduledGeneration({ db, trigger: "scheduler", now: new Date(NOW.getTime() + DAY_MS) });
    expect(next).toMatchObject({ alreadyRan: false, run: { scheduledOn: "2027-03-02", status: "succeeded" } });
    const byHand = await generateSessions(db, { weeksAhead: 6, now: NOW, trigger: "cli" });
    const again = await generateSessions(db, { weeksAhead: 6, now: NOW, trigger: "cli" });
    const manual = await db
      .select({ scheduledOn: sessionGenerationRuns.scheduledOn })
      .from(sessionGenerationRuns)
      .where(sql`${sessionGenerationRuns.id} IN (${byHand.runId}, ${again.runId})`);
    expect(manual).toEqual([{ scheduledOn: null }, { scheduledOn: null }]);
  });

  it("answers a day held by a failed run with that run, not a second one", async () => {
    await db.insert(sessionGenerationRuns).values({
      trigger: "cron",
      weeksAhead: 6,
      status: "failed",
      error: "boom",
      scheduledOn: "2027-03-10",
      finishedAt: NOW,
    });
    const result = await runScheduledGeneration({ db, trigger: "scheduler", now: new Date("2027-03-10T02:00:00Z") });
    expect(result).toMatchObject({ alreadyRan: true, run: { status: "failed", error: "boom", scheduledOn: "2027-03-10" } });
  });
});

describe("runs whose process died", () => {
  const leftRunning = (minutesAgo: number, scheduledOn?: string) =>
    db
      .insert(sessionGenerationRuns)
      .values({
        trigger: "scheduler",
        weeksAhead: 6,
        scheduledOn,
        startedAt: sql`now() - make_interval(mins => ${minutesAgo}::int)`,
      })
      .returning({ id: sessionGenerationRuns.id })
      .then((rows) => rows[0]!.id);

  const statusOf = async (id: string) =>
    (await db.select().from(sessionGenerationRuns).where(eq(sessionGenerationRuns.id, id)))[0]!;

  it("are closed as failed, with the reason, when the runs are listed", async () => {
    const dead = await leftRunning(STALE_RUN_AFTER_MINUTES + 5, "2027-02-20");
    const live = await leftRunning(1);
    const runs = await listGenerationRuns({ db, actor: owner, input: { limit: 100 } });
    expect(runs.find((run) => run.id === dead)).toMatchObject({ status: "failed", error: STALE_RUN_ERROR });
    expect(runs.find((run) => run.id === dead)!.finishedAt).not.toBeNull();
    // A run that may still be working is left alone.
    expect(runs.find((run) => run.id === live)).toMatchObject({ status: "running", error: null, finishedAt: null });
    await db.delete(sessionGenerationRuns).where(eq(sessionGenerationRuns.id, live));
  });

  it("are closed as failed when a new run starts, and the day they held stays theirs", async () => {
    const dead = await leftRunning(STALE_RUN_AFTER_MINUTES * 3, "2027-02-21");
    await generateSessions(db, { weeksAhead: 1, now: NOW, trigger: "admin", requestedBy: owner.id });
    expect(await statusOf(dead)).toMatchObject({ status: "failed", error: STALE_RUN_ERROR });

    const deadScheduled = await leftRunning(STALE_RUN_AFTER_MINUTES * 2, "2027-02-22");
    const result = await runScheduledGeneration({ db, trigger: "cron", now: new Date("2027-02-22T02:00:00Z") });
    expect(result).toMatchObject({ alreadyRan: true, run: { id: deadScheduled, status: "failed", error: STALE_RUN_ERROR } });
  });
});
