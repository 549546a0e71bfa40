// The internal scheduler of `npm start`: 02:00 local every day, across
// daylight-saving changes (DESIGN.md's rule: a missing 02:00 moves forward by
// the gap, a doubled one takes the earlier instant); real timers for start,
// stop and surviving a failed run; the trigger against a real HTTP server.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  cronEndpointTrigger,
  nextRunAt,
  schedulerMode,
  startDailyGeneration,
  type DailyGeneration,
  type RunCounts,
} from "../../scripts/lib/scheduler";

const at = (iso: string) => new Date(iso);
const next = (now: string, zone: string) => nextRunAt(at(now), zone).toISOString();

describe("nextRunAt", () => {
  it("is 02:00 local later today, or tomorrow once 02:00 has passed", () => {
    expect(next("2027-01-10T01:59:59Z", "UTC")).toBe("2027-01-10T02:00:00.000Z");
    expect(next("2027-01-10T02:00:00Z", "UTC")).toBe("2027-01-11T02:00:00.000Z");
    expect(next("2027-01-10T12:00:00Z", "Europe/Paris")).toBe("2027-01-11T01:00:00.000Z");
    // 23:30 in Paris on the 10th is still the 10th there: the run is 02:00 on the 11th.
    expect(next("2027-01-10T22:30:00Z", "Europe/Paris")).toBe("2027-01-11T01:00:00.000Z");
    // 23:30 in New York on the 9th is already the 10th in UTC.
    expect(next("2027-01-10T04:30:00Z", "America/New_York")).toBe("2027-01-10T07:00:00.000Z");
  });

  it("Europe/Paris spring forward (2027-03-28, no 02:00): runs at 03:00 CEST, then 02:00 CEST", () => {
    expect(next("2027-03-27T12:00:00Z", "Europe/Paris")).toBe("2027-03-28T01:00:00.000Z");
    expect(next("2027-03-28T01:00:00Z", "Europe/Paris")).toBe("2027-03-29T00:00:00.000Z");
    // The day before: 02:00 CET.
    expect(next("2027-03-26T12:00:00Z", "Europe/Paris")).toBe("2027-03-27T01:00:00.000Z");
  });

  it("Europe/Paris fall back (2027-10-31, 02:00 twice): runs once, at the earlier 02:00", () => {
    expect(next("2027-10-30T12:00:00Z", "Europe/Paris")).toBe("2027-10-31T00:00:00.000Z");
    // After that run, during the repeated hour: not again that day.
    expect(next("2027-10-31T00:00:00Z", "Europe/Paris")).toBe("2027-11-01T01:00:00.000Z");
    expect(next("2027-10-31T01:30:00Z", "Europe/Paris")).toBe("2027-11-01T01:00:00.000Z");
  });

  it("America/New_York: 2027-03-14 (02:00 missing → 03:00 EDT) and 2027-11-07 (02:00 EST)", () => {
    expect(next("2027-03-13T12:00:00Z", "America/New_York")).toBe("2027-03-14T07:00:00.000Z");
    expect(next("2027-03-14T07:00:00Z", "America/New_York")).toBe("2027-03-15T06:00:00.000Z");
    expect(next("2027-11-06T12:00:00Z", "America/New_York")).toBe("2027-11-07T07:00:00.000Z");
    expect(next("2027-11-07T07:00:00Z", "America/New_York")).toBe("2027-11-08T07:00:00.000Z");
  });

  it("runs exactly once per local day for a whole year, in both zones", () => {
    for (const zone of ["Europe/Paris", "America/New_York", "Australia/Lord_Howe"]) {
      let now = at("2027-01-01T12:00:00Z");
      const days = new Set<string>();
      for (let index = 0; index < 365; index++) {
        const run = nextRunAt(now, zone);
        expect(run.getTime()).toBeGreaterThan(now.getTime());
        const localDay = run.toLocaleDateString("en-CA", { timeZone: zone });
        expect(days.has(localDay), `${zone} ${localDay}`).toBe(false);
        days.add(localDay);
        now = run;
      }
      expect(days.size).toBe(365);
    }
  });
});

describe("schedulerMode", () => {
  it("says who runs the daily job", () => {
    expect(schedulerMode({}, "Europe/Paris")).toEqual({
      mode: "internal",
      message: "Daily session generation at 02:00 Europe/Paris (internal scheduler)",
    });
    expect(schedulerMode({ INTERNAL_SCHEDULER: "off" }, "UTC").message).toBe(
      "Daily session generation: disabled (INTERNAL_SCHEDULER=off)",
    );
    expect(schedulerMode({ INTERNAL_SCHEDULER: "OFF" }, "UTC").mode).toBe("off");
    expect(schedulerMode({ INTERNAL_SCHEDULER: "on" }, "UTC").mode).toBe("internal");
    expect(schedulerMode({ VERCEL: "1" }, "UTC").message).toMatch(/left to Vercel cron/);
  });
});

const counts: RunCounts = { created: 3, conflicts: 1, completed: 2, durationMs: 12 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("startDailyGeneration", () => {
  let scheduler: DailyGeneration | undefined;
  afterEach(() => scheduler?.stop());

  it("arms the next run at 02:00 in the zone", () => {
    // Bracketed by two reads of the clock: a test started at 01:59:59.999 in
    // Paris would otherwise compare today's 02:00 with tomorrow's.
    const before = nextRunAt(new Date(), "Europe/Paris").getTime();
    scheduler = startDailyGeneration({ timeZone: "Europe/Paris", trigger: async () => counts, log: () => {} });
    const due = scheduler.nextRun();
    const after = nextRunAt(new Date(), "Europe/Paris").getTime();
    expect([before, after]).toContain(due?.getTime());
  });

  it("runs, logs one line per run with the counts, survives a failure, and stop() stops", async () => {
    const lines: string[] = [];
    let calls = 0;
    scheduler = startDailyGeneration({
      timeZone: "UTC",
      trigger: async () => {
        calls += 1;
        if (calls === 2) throw new Error("database unreachable");
        return counts;
      },
      log: (line) => lines.push(line),
      nextRun: (now) => new Date(now.getTime() + 40),
    });
    const deadline = Date.now() + 5_000;
    while (calls < 3 && Date.now() < deadline) await sleep(10);
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(lines[0]).toMatch(
      /^Session generation \(internal scheduler\): created 3, conflicts 1, completed 2 in 12 ms; next run \d{4}-\d\d-\d\d \d\d:\d\d UTC$/,
    );
    expect(lines[1]).toMatch(/^Session generation \(internal scheduler\) failed: database unreachable; next run /);
    expect(lines.length).toBeLessThanOrEqual(calls);

    scheduler.stop();
    expect(scheduler.nextRun()).toBeNull();
    await sleep(30); // a run already under way may finish
    const after = calls;
    await sleep(300);
    expect(calls).toBe(after);
  });

  it("does not start a run once stopped before it was due", async () => {
    let calls = 0;
    scheduler = startDailyGeneration({
      timeZone: "UTC",
      trigger: async () => {
        calls += 1;
        return counts;
      },
      log: () => {},
      nextRun: (now) => new Date(now.getTime() + 100),
    });
    scheduler.stop();
    await sleep(300);
    expect(calls).toBe(0);
  });
});

describe("cronEndpointTrigger", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
    server = undefined;
  });

  async function serve(status: number, body: unknown): Promise<{ url: string; seen: Array<Record<string, unknown>> }> {
    const seen: Array<Record<string, unknown>> = [];
    server = createServer((request, response) => {
      seen.push({ method: request.method, ...request.headers });
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}/api/cron/generate-sessions`, seen };
  }

  it("POSTs with the bearer secret, as the scheduler, and answers the run's counts", async () => {
    const { url, seen } = await serve(200, { run: { ...counts, id: "r1" } });
    const run = await cronEndpointTrigger({ url, secret: "top-secret" })();
    expect(run).toMatchObject(counts);
    expect(seen[0]).toMatchObject({
      method: "POST",
      authorization: "Bearer top-secret",
      "x-coachbook-trigger": "scheduler",
    });
  });

  it("answers 'already ran' when the endpoint says another instance had the day, and logs it so", async () => {
    const { url } = await serve(200, { run: { ...counts, id: "r7" }, alreadyRan: true });
    const run = await cronEndpointTrigger({ url, secret: "s" })();
    expect(run).toMatchObject({ alreadyRan: true, id: "r7" });

    const lines: string[] = [];
    const scheduler = startDailyGeneration({
      timeZone: "UTC",
      trigger: async () => run,
      log: (line) => lines.push(line),
      nextRun: (now) => new Date(now.getTime() + 20),
    });
    const deadline = Date.now() + 5_000;
    while (lines.length === 0 && Date.now() < deadline) await sleep(10);
    scheduler.stop();
    expect(lines[0]).toMatch(/^Session generation \(internal scheduler\): already ran for today \(run r7\), started by another instance or call; next run /);
  });

  it("waits for a run that answers slowly (no client timeout) and rejects when the connection fails", async () => {
    // The answer comes after the request has been idle a while; fetch's own
    // limit (300 s) is not reproduced here, only that nothing here times out.
    server = createServer((request, response) => {
      setTimeout(() => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ run: counts, alreadyRan: false }));
      }, 1_500);
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await expect(cronEndpointTrigger({ url: `http://127.0.0.1:${port}/api/cron/generate-sessions`, secret: "s" })()).resolves.toMatchObject(counts);
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    await expect(cronEndpointTrigger({ url: `http://127.0.0.1:${port}/api/cron/generate-sessions`, secret: "s" })()).rejects.toThrow(/ECONNREFUSED/);
  });

  it("rejects with the endpoint's message on an error answer", async () => {
    const { url } = await serve(401, { error: { code: "unauthenticated", message: "The bearer token is not the cron secret" } });
    await expect(cronEndpointTrigger({ url, secret: "x" })()).rejects.toThrow(
      /answered 401: The bearer token is not the cron secret/,
    );
  });
});
