// Several app instances on one PostgreSQL database behave as one studio: two
// real servers (scripts/server.cjs, as `npm start` runs them) on the same
// database. Their daily runs make one run for the day, whichever instances
// and however many calls ask (the database's key on the scheduled day), and
// bookings made through both at once stay correct (one winner per slot, no
// 5xx, the invariants hold). Each property is one `it`, so that another
// (e.g. rate limits shared across instances) is one more.
//
// On PGlite only one process may open a database: there the two
// "instances" are one server asked twice, and the same assertions hold.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "@/db";
import { checkInvariants, describeViolations } from "@/db/invariants";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { createScriptDatabase, type ScriptDatabase } from "../helpers/script-database";

const CRON_SECRET = `two-instances-${randomBytes(12).toString("hex")}`;
const CRON = "/api/cron/generate-sessions";
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MEMBERS = 24;
/** Failed sign-ins per account both instances allow together (RATE_LIMIT_SIGN_IN_ACCOUNT). */
const SIGN_IN_FAILURES = 4;

let database: ScriptDatabase;
let onPostgres: boolean;
let instances: [AppServer, AppServer];
const coachId = `coach-${randomBytes(4).toString("hex")}`;
const memberTokens: string[] = [];
// Two whole days ahead at 00:00 UTC: every slot below is in the future.
const firstDay = new Date(Math.ceil((Date.now() + 2 * DAY_MS) / DAY_MS) * DAY_MS);

beforeAll(async () => {
  database = await createScriptDatabase({ migrated: true });
  onPostgres = Boolean(database.env.DATABASE_URL);
  const expires = new Date(Date.now() + DAY_MS).toISOString();
  await database.withDatabase(async (handle) => {
    await handle.exec(`
      INSERT INTO users (id, email, name, role) VALUES ('${coachId}', '${coachId}@example.com', 'Coach', 'coach');
      INSERT INTO coach_settings (coach_id, timezone) VALUES ('${coachId}', 'UTC');
      INSERT INTO weekly_availability (coach_id, day_of_week, start_time, end_time)
        SELECT '${coachId}', d, '00:00', '23:59' FROM generate_series(0, 6) d;`);
    for (let index = 0; index < MEMBERS; index++) {
      const id = `${coachId}-member-${index}`;
      const token = `${id}-token-${randomBytes(8).toString("hex")}`;
      await handle.db.execute(sql`INSERT INTO users (id, email, name, role) VALUES (${id}, ${`${id}@example.com`}, ${`Member ${index}`}, 'member')`);
      await handle.db.execute(sql`INSERT INTO sessions (token, user_id, expires_at) VALUES (${token}, ${id}, ${expires}::timestamptz)`);
      memberTokens.push(token);
    }
  });
  const location = onPostgres ? { databaseUrl: database.env.DATABASE_URL! } : { pgliteDir: database.env.PGLITE_DIR! };
  const start = () =>
    startAppServer({ database: location, env: { CRON_SECRET, BUSINESS_TIMEZONE: "UTC", RATE_LIMIT_SIGN_IN_ACCOUNT: `${SIGN_IN_FAILURES}/15m` } });
  if (onPostgres) {
    instances = (await Promise.all([start(), start()])) as [AppServer, AppServer];
  } else {
    const only = await start();
    instances = [only, only];
  }
}, 180_000);

afterAll(async () => {
  await Promise.all(Array.from(new Set(instances ?? []), (server) => server.stop()));
  await database?.close();
});

/** What the servers printed, for a failing assertion. */
const outputs = () => instances.map((server, index) => `--- instance ${index} ---\n${server.output().slice(-2000)}`).join("\n");

describe("two instances on one database", () => {
  it("run the day's scheduled generation once, however many calls reach either of them", async () => {
    const calls = Array.from({ length: 6 }, (_, index) =>
      instances[index % 2]!.request(CRON, {
        method: "POST",
        headers: { authorization: `Bearer ${CRON_SECRET}`, "x-coachbook-trigger": "scheduler" },
      }),
    );
    const answers = await Promise.all(
      calls.map(async (call) => {
        const response = await call;
        expect(response.status, outputs()).toBe(200);
        return (await response.json()) as { run: { id: string; status: string; scheduledOn: string }; alreadyRan: boolean };
      }),
    );
    expect(answers.filter((answer) => !answer.alreadyRan)).toHaveLength(1);
    const day = answers.find((answer) => !answer.alreadyRan)!.run;
    expect(day.status).toBe("succeeded");
    expect(new Set(answers.map((answer) => answer.run.id))).toEqual(new Set([day.id]));

    // A later call to either instance: still that one run.
    const later = await instances[1].request(CRON, { headers: { authorization: `Bearer ${CRON_SECRET}` } });
    expect(await later.json()).toMatchObject({ alreadyRan: true, run: { id: day.id, scheduledOn: day.scheduledOn } });
  });

  it("keep bookings correct when members book through both at once", async () => {
    const book = async (index: number, startsAt: Date) => {
      const response = await instances[index % 2]!.request("/api/v1/bookings", {
        method: "POST",
        headers: { authorization: `Bearer ${memberTokens[index]}`, "content-type": "application/json" },
        body: JSON.stringify({ coachId, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + HOUR_MS / 2).toISOString() }),
      });
      return response.status;
    };
    const tally = (statuses: number[]) =>
      statuses.reduce<Record<number, number>>((counts, status) => ((counts[status] = (counts[status] ?? 0) + 1), counts), {});

    // Everyone wants day 1 at 10:00 UTC: one wins, on whichever instance.
    const contested = new Date(firstDay.getTime() + 10 * HOUR_MS);
    const same = await Promise.all(memberTokens.map((_, index) => book(index, contested)));
    expect(tally(same), outputs()).toEqual({ 201: 1, 409: MEMBERS - 1 });

    // A half hour each on day 2: all of them get theirs.
    const different = await Promise.all(
      memberTokens.map((_, index) => book(index, new Date(firstDay.getTime() + DAY_MS + index * (HOUR_MS / 2)))),
    );
    expect(tally(different), outputs()).toEqual({ 201: MEMBERS });

    // The coach's calendar, read through the other instance than the winner's.
    const from = firstDay.toISOString().slice(0, 10);
    const to = new Date(firstDay.getTime() + 2 * DAY_MS).toISOString().slice(0, 10);
    const slots = await instances[1].request(`/api/v1/coaches/${coachId}/slots?from=${from}&to=${to}&duration=30`, {
      headers: { authorization: `Bearer ${memberTokens[0]}` },
    });
    expect(slots.status, outputs()).toBe(200);
    const free = ((await slots.json()) as { slots: Array<{ startsAt: string }> }).slots.map((slot) => Date.parse(slot.startsAt));
    expect(free.length).toBeGreaterThan(0);
    expect(free).not.toContain(contested.getTime());
    expect(free).not.toContain(firstDay.getTime() + DAY_MS);

    // PGlite: the database can be read only once the server has let it go (last test).
    if (onPostgres) {
      const violations = await database.withDatabase((handle) => checkInvariants(handle.db));
      expect(violations, describeViolations(violations)).toEqual([]);
      const sessions = await database.withDatabase((handle) =>
        selectRows<{ n: number }>(handle.db, sql`SELECT count(*)::int AS n FROM training_sessions WHERE coach_id = ${coachId}`),
      );
      expect(Number(sessions[0]!.n)).toBe(1 + MEMBERS);
    }
  });

  it("share one sign-in limit: an account's failed attempts on either count for both", async () => {
    const email = `guessed-${randomBytes(4).toString("hex")}@example.com`;
    const signIn = (server: AppServer) =>
      server.request("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.baseUrl },
        body: JSON.stringify({ email, password: "not-the-password-1" }),
      });
    for (let attempt = 0; attempt < SIGN_IN_FAILURES; attempt++) {
      const response = await signIn(instances[attempt % 2]!);
      expect(response.status, outputs()).toBe(401);
    }
    for (const server of instances) {
      const refused = await signIn(server);
      expect(refused.status, outputs()).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });
});
