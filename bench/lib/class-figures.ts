// Classes under a crowd, against a running app over loopback HTTP, as the
// booking races are (http-figures.ts):
//  - the crowd: R members (--racers, default 200) enrol at once in a class
//    of 12 places (POST /api/v1/classes/:id/enrolments): exactly 12
//    confirmed and R − 12 waitlisted at distinct positions 1 … R − 12, each
//    answer's position the one the class's roster shows afterwards (queue
//    order), no 5xx; p50/p99.
//  - the cancellation wave: a class of 60 places with 60 confirmed and 100
//    waitlisted; 50 of the confirmed give their place up at once (POST
//    /api/v1/enrolments/:id/cancel): exactly 50 promotions, the waitlist's
//    first 50 (each cancel promotes one, in the same transaction), the other
//    50 still waiting at positions 1–50 in their order, no 5xx; p50/p99.
// The people, classes and the wave's places are written straight to the
// database before the server starts, with session tokens as http-figures.ts
// writes them. Each request has a deadline, so the figures end by themselves.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import type { AppServer } from "../../tests/helpers/app-server";
import { summarise, type LatencySummary } from "./http-figures";

const DAY_MS = 86_400_000;
/** The longest one request may take before it counts as failed (status 0). */
const REQUEST_DEADLINE_MS = 60_000;

export const CROWD_CAPACITY = 12;
export const WAVE = { capacity: 60, waitlisted: 100, cancels: 50 } as const;
/** The warm-up: members enrolling one at a time in a class of this many places, then a few giving theirs up. */
const WARM_UP = { members: 20, capacity: 8, cancels: 5, health: 100 } as const;

interface Person {
  id: string;
  token: string;
}

export interface ClassData {
  coach: Person;
  warmUpClass: string;
  warmUp: Person[];
  crowdClass: string;
  crowd: Person[];
  waveClass: string;
  /** The wave class's confirmed places, the first WAVE.cancels of which are given up. */
  waveConfirmed: Array<Person & { enrolmentId: string }>;
  /** Its waitlist, in queue order. */
  waveWaitlist: Array<{ memberId: string; enrolmentId: string }>;
}

/** Writes the coach, the members and their tokens, the three classes and the wave class's places. */
export async function seedClassData(handle: DatabaseHandle, options: { crowd: number }): Promise<ClassData> {
  const tag = randomBytes(4).toString("hex");
  const firstDay = new Date(Math.ceil((Date.now() + DAY_MS) / DAY_MS) * DAY_MS);
  const expires = new Date(Date.now() + DAY_MS).toISOString();
  const at = (days: number, hour: number) => new Date(firstDay.getTime() + days * DAY_MS + hour * 3_600_000).toISOString();
  const coachId = `bench-class-coach-${tag}`;
  const member = (group: string, i: number) => `bench-class-${tag}-${group}-${i}`;
  const token = (id: string) => `benchclass${id.slice("bench-class-".length).replaceAll("-", "")}`;
  const groups = { warm: WARM_UP.members, crowd: options.crowd, wave: WAVE.capacity + WAVE.waitlisted };
  const members = Object.entries(groups).flatMap(([group, n]) => Array.from({ length: n }, (_, i) => member(group, i + 1)));
  const values = (rows: string[]) => rows.join(",\n      ");

  await handle.exec(`
    INSERT INTO users (id, email, name, role) VALUES ('${coachId}', '${coachId}@bench', 'Class Coach', 'coach');
    INSERT INTO coach_settings (coach_id, timezone) VALUES ('${coachId}', 'UTC');
    INSERT INTO users (id, email, name, role, reminder) VALUES
      ${values(members.map((id) => `('${id}', '${id}@bench', 'Member ${id.slice(-12)}', 'member', 'off')`))};
    INSERT INTO sessions (token, user_id, expires_at) VALUES
      ${values([coachId, ...members].map((id) => `('${token(id)}', '${id}', '${expires}'::timestamptz)`))};`);

  // Classes days ahead: far from the waitlist cut-off (2 h), one a day, an hour each.
  const addClass = async (title: string, capacity: number, day: number) => {
    const { rows } = await handle.db.execute(sql`
      INSERT INTO training_sessions (coach_id, type, title, capacity, starts_at, ends_at)
      VALUES (${coachId}, 'GROUP', ${title}, ${capacity}, ${at(day, 18)}::timestamptz, ${at(day, 19)}::timestamptz)
      RETURNING id`);
    return String(rows[0]!.id);
  };
  const warmUpClass = await addClass("Bench warm-up", WARM_UP.capacity, 1);
  const crowdClass = await addClass("Bench crowd", CROWD_CAPACITY, 2);
  const waveClass = await addClass("Bench wave", WAVE.capacity, 3);

  // The wave class's places: 60 confirmed, then 100 waitlisted in member order
  // (queue_seq is taken in insert order; read back below to be sure).
  const waveMember = (i: number) => member("wave", i);
  const insertPlaces = (status: "confirmed" | "waitlisted", from: number, to: number) =>
    handle.db.execute(sql`
      INSERT INTO class_enrolments (class_id, member_id, status, starts_at, ends_at)
      SELECT ${waveClass}, ${`bench-class-${tag}-wave-`}::text || i, ${status}::enrolment_status, ${at(3, 18)}::timestamptz, ${at(3, 19)}::timestamptz
      FROM generate_series(${from}::int, ${to}::int) i ORDER BY i`);
  await insertPlaces("confirmed", 1, WAVE.capacity);
  await insertPlaces("waitlisted", WAVE.capacity + 1, WAVE.capacity + WAVE.waitlisted);
  await handle.exec("ANALYZE");
  const { rows } = await handle.db.execute(sql`
    SELECT id, member_id, status::text AS status FROM class_enrolments WHERE class_id = ${waveClass} ORDER BY queue_seq`);
  const places = rows.map((row) => ({ id: String(row.id), memberId: String(row.member_id), status: String(row.status) }));
  const expectedOrder = Array.from({ length: WAVE.capacity + WAVE.waitlisted }, (_, i) => waveMember(i + 1));
  if (places.map((p) => p.memberId).join() !== expectedOrder.join()) throw new Error("the wave class's places are not in member order");

  const person = (id: string): Person => ({ id, token: token(id) });
  return {
    coach: person(coachId),
    warmUpClass,
    warmUp: Array.from({ length: WARM_UP.members }, (_, i) => person(member("warm", i + 1))),
    crowdClass,
    crowd: Array.from({ length: options.crowd }, (_, i) => person(member("crowd", i + 1))),
    waveClass,
    waveConfirmed: places.filter((p) => p.status === "confirmed").map((p) => ({ ...person(p.memberId), enrolmentId: p.id })),
    waveWaitlist: places.filter((p) => p.status === "waitlisted").map((p) => ({ memberId: p.memberId, enrolmentId: p.id })),
  };
}

export interface BurstFigure {
  requests: number;
  /** status → count (0: no answer within the deadline, or the connection failed). */
  statuses: Record<string, number>;
  latencyMs: LatencySummary & { max: number };
  /** The first few answers other than the expected status (status and body), for the report. */
  unexpected: string[];
}

export interface CrowdFigure extends BurstFigure {
  capacity: number;
  confirmed: number;
  waitlisted: number;
  /** The waitlisted answers' positions are exactly 1 … waitlisted. */
  positionsDistinct: boolean;
  /** Each waitlisted answer's position is its enrolment's position on the roster afterwards (queue order). */
  positionsMatchRoster: boolean;
  /** The roster afterwards: confirmed and waitlisted places (the class view's counts agree). */
  roster: { confirmed: number; waitlisted: number; placesLeft: number };
}

export interface WaveFigure extends BurstFigure {
  cancels: number;
  /** Enrolments promoted, over all the answers. */
  promotions: number;
  /** Each answer promoted exactly one place. */
  onePerCancel: boolean;
  /** The promoted are the waitlist's first `cancels`, once each. */
  promotedFirstInLine: boolean;
  /** Afterwards: the rest still waiting, at positions 1 … in their order; every place held. */
  restInOrder: boolean;
  roster: { confirmed: number; waitlisted: number; cancelled: number };
}

export interface ClassFigures {
  healthIdleMs: LatencySummary;
  crowd: CrowdFigure;
  wave: WaveFigure;
}

type Timed = { ms: number; status: number; body: string };

interface RosterEntry {
  id: string;
  member: { id: string };
  status: string;
  position: number | null;
}

export async function measureClasses(server: AppServer, data: ClassData): Promise<ClassFigures> {
  const timed = async (pathname: string, init?: RequestInit): Promise<Timed> => {
    const started = performance.now();
    try {
      const response = await server.request(pathname, { ...init, signal: AbortSignal.timeout(REQUEST_DEADLINE_MS) });
      const body = await response.text();
      return { ms: performance.now() - started, status: response.status, body };
    } catch (error) {
      return { ms: performance.now() - started, status: 0, body: String(error) };
    }
  };
  const post = (token: string, pathname: string) =>
    timed(pathname, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: "{}" });
  const enrol = (token: string, classId: string) => post(token, `/api/v1/classes/${classId}/enrolments`);
  const cancel = (token: string, enrolmentId: string) => post(token, `/api/v1/enrolments/${enrolmentId}/cancel`);
  const expect = (result: Timed, status: number, what: string) => {
    if (result.status !== status) throw new Error(`${what}: ${result.status} ${result.body.slice(0, 500)}`);
  };
  const roster = async (classId: string): Promise<RosterEntry[]> => {
    const result = await timed(`/api/v1/classes/${classId}/enrolments`, { headers: { authorization: `Bearer ${data.coach.token}` } });
    expect(result, 200, "GET roster");
    return (JSON.parse(result.body) as { enrolments: RosterEntry[] }).enrolments;
  };

  // Warm-up, one request at a time: both routes loaded and optimised, the
  // pool's connections open and their statements planned (as the other HTTP
  // figures warm up theirs).
  const warmUpIds: string[] = [];
  for (const member of data.warmUp) {
    const result = await enrol(member.token, data.warmUpClass);
    expect(result, 201, "warm-up enrolment");
    warmUpIds.push((JSON.parse(result.body) as { enrolment: { id: string } }).enrolment.id);
  }
  for (let i = 0; i < WARM_UP.cancels; i += 1) expect(await cancel(data.warmUp[i]!.token, warmUpIds[i]!), 200, "warm-up cancel");
  await roster(data.warmUpClass);
  const health: number[] = [];
  for (let i = 0; i < WARM_UP.health; i += 1) {
    const result = await timed("/api/health");
    expect(result, 200, "GET /api/health");
    health.push(result.ms);
  }

  // The crowd: everyone at once.
  const crowdResults = await Promise.all(data.crowd.map((member) => enrol(member.token, data.crowdClass)));
  const answers = crowdResults
    .filter((result) => result.status === 201)
    .map((result) => (JSON.parse(result.body) as { enrolment: { id: string; status: string; position?: number } }).enrolment);
  const waitlistedAnswers = answers.filter((answer) => answer.status === "waitlisted");
  const positions = waitlistedAnswers.map((answer) => answer.position ?? 0).sort((a, b) => a - b);
  const crowdRoster = await roster(data.crowdClass);
  const rosterPosition = new Map(crowdRoster.map((entry) => [entry.id, entry.position]));
  const crowd: CrowdFigure = {
    ...burst(crowdResults, 201),
    capacity: CROWD_CAPACITY,
    confirmed: answers.filter((answer) => answer.status === "confirmed").length,
    waitlisted: waitlistedAnswers.length,
    positionsDistinct: positions.every((position, index) => position === index + 1),
    positionsMatchRoster: waitlistedAnswers.every((answer) => rosterPosition.get(answer.id) === answer.position),
    roster: {
      confirmed: crowdRoster.filter((entry) => entry.status === "confirmed").length,
      waitlisted: crowdRoster.filter((entry) => entry.status === "waitlisted").length,
      placesLeft: CROWD_CAPACITY - crowdRoster.filter((entry) => entry.status === "confirmed").length,
    },
  };

  // The wave: the first 50 confirmed give their places up at once.
  const leaving = data.waveConfirmed.slice(0, WAVE.cancels);
  const waveResults = await Promise.all(leaving.map((member) => cancel(member.token, member.enrolmentId)));
  const promotedPerAnswer = waveResults
    .filter((result) => result.status === 200)
    .map((result) => (JSON.parse(result.body) as { promoted: Array<{ id: string }> }).promoted.map((view) => view.id));
  const promoted = promotedPerAnswer.flat();
  const firstInLine = data.waveWaitlist.slice(0, WAVE.cancels).map((place) => place.enrolmentId);
  const waveRoster = await roster(data.waveClass);
  const stillWaiting = waveRoster
    .filter((entry) => entry.status === "waitlisted")
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const rest = data.waveWaitlist.slice(WAVE.cancels);
  const wave: WaveFigure = {
    ...burst(waveResults, 200),
    cancels: leaving.length,
    promotions: promoted.length,
    onePerCancel: promotedPerAnswer.length === leaving.length && promotedPerAnswer.every((ids) => ids.length === 1),
    promotedFirstInLine: promoted.length === firstInLine.length && new Set(promoted).size === promoted.length && firstInLine.every((id) => promoted.includes(id)),
    restInOrder:
      stillWaiting.length === rest.length &&
      stillWaiting.every((entry, index) => entry.id === rest[index]!.enrolmentId && entry.position === index + 1),
    roster: {
      confirmed: waveRoster.filter((entry) => entry.status === "confirmed").length,
      waitlisted: stillWaiting.length,
      cancelled: waveRoster.filter((entry) => entry.status === "cancelled").length,
    },
  };
  return { healthIdleMs: summarise(health), crowd, wave };
}

function burst(results: Timed[], expected: number): BurstFigure {
  const statuses: Record<string, number> = {};
  for (const result of results) statuses[result.status] = (statuses[result.status] ?? 0) + 1;
  const ms = results.map((result) => result.ms);
  const unexpected = results
    .filter((result) => result.status !== expected)
    .slice(0, 3)
    .map((result) => `${result.status} ${result.body.slice(0, 300)}`);
  return { requests: results.length, statuses, latencyMs: { ...summarise(ms), max: Math.round(Math.max(...ms)) }, unexpected };
}
