// What triggers session generation, over HTTP against a real server:
// the cron endpoint (GET for Vercel, POST for the internal scheduler; one run
// per business-zone day) behind
// Authorization: Bearer $CRON_SECRET, failing closed on a server without the
// secret; the owner's admin endpoint (run now, list runs) and its refusals.
// Two servers: one with CRON_SECRET, one without.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserRole } from "@/db/schema";
import { insertUserWithPassword, signInForToken, startAppServer, type AppServer } from "../helpers/app-server";
import { ALL_WEEK, addPerson, addSeries, addWeeklyRules } from "../helpers/people";

const CRON_SECRET = "cron-secret-for-the-http-test-0123456789";

const people = {
  owner: { email: "owner@example.com", name: "Olive Owner", password: "owner-password-1" },
  coach: { email: "coach@example.com", name: "Carl Coach", password: "coach-password-1" },
  member: { email: "member@example.com", name: "Mia Member", password: "member-password-1" },
} satisfies Record<UserRole, { email: string; name: string; password: string }>;

let server: AppServer;
let unconfigured: AppServer;
const ids = {} as Record<UserRole, string>;
const tokens = {} as Record<UserRole, string>;

interface RunView {
  id: string;
  trigger: string;
  status: string;
  weeksAhead: number;
  created: number;
  conflicts: number;
  completed: number;
  durationMs: number | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  requestedBy: { id: string; name: string; email: string } | null;
  scheduledOn: string | null;
}

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

beforeAll(async () => {
  const today = new Date().toISOString().slice(0, 10);
  [server, unconfigured] = await Promise.all([
    startAppServer({
      env: { CRON_SECRET, SESSION_HORIZON_WEEKS: "3", BUSINESS_TIMEZONE: "UTC" },
      prepare: async (handle) => {
        for (const role of ["owner", "coach", "member"] as const) {
          ids[role] = await insertUserWithPassword(handle, { ...people[role], role });
        }
        // A weekly series from today, on a weekday a few days ahead, at 10:00 UTC.
        await addWeeklyRules(handle.db, ids.coach, ALL_WEEK);
        const other = await addPerson(handle.db, "member");
        await addSeries(handle.db, {
          memberId: other.id,
          coachId: ids.coach,
          dayOfWeek: (new Date().getUTCDay() + 3) % 7,
          startTime: "10:00",
          endTime: "11:00",
          startDate: today,
        });
      },
    }),
    startAppServer({ env: { CRON_SECRET: undefined } }),
  ]);
  for (const role of ["owner", "coach", "member"] as const) {
    tokens[role] = await signInForToken(server, people[role].email, people[role].password);
  }
  // Two servers and two databases: over a minute on a loaded machine.
}, 300_000);

afterAll(async () => {
  await Promise.all([server?.stop(), unconfigured?.stop()]);
});

async function explain(response: Response, on: AppServer = server): Promise<string> {
  return `${response.status} ${await response.clone().text()}\n${on.output().slice(-2000)}`;
}

function bearer(token: string | undefined): Record<string, string> {
  return token === undefined ? {} : { authorization: `Bearer ${token}` };
}

const CRON = "/api/cron/generate-sessions";
const ADMIN = "/api/admin/generate-sessions";

function adminPost(caller: UserRole | "anonymous", body: unknown): Promise<Response> {
  return server.request(ADMIN, {
    method: "POST",
    headers: { "content-type": "application/json", ...(caller === "anonymous" ? {} : bearer(tokens[caller])) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function expectError(response: Response, status: number, code: string, on: AppServer = server): Promise<ErrorBody> {
  expect(response.status, await explain(response, on)).toBe(status);
  const body = (await response.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
  return body;
}

describe("the admin endpoint", () => {
  it("lets the owner run generation now: 200 with the run and its counts", async () => {
    const response = await adminPost("owner", { weeksAhead: 2 });
    expect(response.status, await explain(response)).toBe(200);
    const { run } = (await response.json()) as { run: RunView };
    expect(run).toMatchObject({
      trigger: "admin",
      status: "succeeded",
      weeksAhead: 2,
      conflicts: 0,
      completed: 0,
      error: null,
      requestedBy: { id: ids.owner, name: people.owner.name, email: people.owner.email },
    });
    // Two weeks from today hold two occurrences of the series (or one when the
    // first is today-in-three-days and the window ends before the next).
    expect(run.created).toBeGreaterThanOrEqual(1);
    expect(run.durationMs).toEqual(expect.any(Number));
  });

  it("refuses a member and a coach (403) and anonymous callers (401)", async () => {
    await expectError(await adminPost("member", { weeksAhead: 2 }), 403, "forbidden");
    await expectError(await adminPost("coach", { weeksAhead: 2 }), 403, "forbidden");
    await expectError(await adminPost("anonymous", { weeksAhead: 2 }), 401, "unauthenticated");
    await expectError(await server.request(ADMIN, { headers: bearer(tokens.member) }), 403, "forbidden");
    await expectError(await server.request(ADMIN), 401, "unauthenticated");
  });

  it.each([[{ weeksAhead: 99 }], [{ weeksAhead: 0 }], [{ weeksAhead: "six" }], [{}]])(
    "answers 400 naming weeksAhead for %j",
    async (body) => {
      const { error } = await expectError(await adminPost("owner", body), 400, "invalid_input");
      expect(Object.keys(error.fields ?? {})).toEqual(["weeksAhead"]);
      expect(error.message).toContain("weeksAhead");
    },
  );

  it("answers 400 for a body that is not JSON", async () => {
    await expectError(await adminPost("owner", "{weeksAhead:"), 400, "invalid_input");
  });
});

describe("the cron endpoint", () => {
  it("answers 401 without the secret and with a wrong one, on GET and POST, and runs nothing", async () => {
    for (const method of ["GET", "POST"]) {
      for (const headers of [
        {},
        bearer("wrong-secret"),
        bearer(`${CRON_SECRET}x`),
        bearer(""),
        { authorization: CRON_SECRET },
        bearer(tokens.owner), // an owner's session token is not the cron secret
      ]) {
        const response = await server.request(CRON, { method, headers });
        const body = await expectError(response, 401, "unauthenticated");
        expect(JSON.stringify(body)).not.toContain(CRON_SECRET);
      }
    }
    const { runs } = (await (await server.request(ADMIN, { headers: bearer(tokens.owner) })).json()) as { runs: RunView[] };
    expect(runs.map((run) => run.trigger)).toEqual(["admin"]);
  });

  it("runs SESSION_HORIZON_WEEKS ahead with the right secret, once per day: GET (Vercel cron) and POST", async () => {
    const viaGet = await server.request(CRON, { headers: bearer(CRON_SECRET) });
    expect(viaGet.status, await explain(viaGet)).toBe(200);
    const first = (await viaGet.json()) as { run: RunView; alreadyRan: boolean };
    expect(first.alreadyRan).toBe(false);
    expect(first.run).toMatchObject({ trigger: "cron", status: "succeeded", weeksAhead: 3, requestedBy: null });
    expect(first.run.scheduledOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(first.run.created).toBeGreaterThanOrEqual(0);

    // The day is taken: a repeated call (Vercel retrying, the internal
    // scheduler of another instance) runs nothing and says so, with 200.
    for (const headers of [bearer(CRON_SECRET), { ...bearer(CRON_SECRET), "x-coachbook-trigger": "scheduler" }]) {
      const again = await server.request(CRON, { method: "POST", headers });
      expect(again.status, await explain(again)).toBe(200);
      expect(await again.json()).toEqual({ run: first.run, alreadyRan: true });
    }
  });

  it("fails closed on a server without CRON_SECRET: 401 even to 'Bearer ' and 'Bearer undefined'", async () => {
    for (const method of ["GET", "POST"]) {
      for (const headers of [{}, { authorization: "Bearer " }, bearer("undefined"), bearer("null"), bearer("")]) {
        const response = await unconfigured.request(CRON, { method, headers });
        const { error } = await expectError(response, 401, "unauthenticated", unconfigured);
        expect(error.message).toContain("CRON_SECRET is not set");
      }
    }
  });
});

describe("the list of runs", () => {
  it("shows the owner every run, newest first, with counts and who asked", async () => {
    const response = await server.request(ADMIN, { headers: bearer(tokens.owner) });
    expect(response.status, await explain(response)).toBe(200);
    const { runs } = (await response.json()) as { runs: RunView[] };
    expect(runs.map((run) => run.trigger)).toEqual(["cron", "admin"]);
    expect(runs.every((run) => run.status === "succeeded" && run.finishedAt !== null)).toBe(true);
    expect(runs[1]!.requestedBy?.email).toBe(people.owner.email);
    expect(runs[1]!.scheduledOn).toBeNull();
    expect(runs[0]!.requestedBy).toBeNull();
    const started = runs.map((run) => Date.parse(run.startedAt));
    expect([...started].sort((a, b) => b - a)).toEqual(started);

    const limited = await server.request(`${ADMIN}?limit=1`, { headers: bearer(tokens.owner) });
    expect(((await limited.json()) as { runs: RunView[] }).runs).toHaveLength(1);
    const { error } = await expectError(
      await server.request(`${ADMIN}?limit=500`, { headers: bearer(tokens.owner) }),
      400,
      "invalid_input",
    );
    expect(Object.keys(error.fields ?? {})).toEqual(["limit"]);
  });
});
