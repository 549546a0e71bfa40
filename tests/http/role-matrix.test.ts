// Every protected REST route against a real `next start` server, for each
// role: anonymous → 401, member and coach → 403, owner → 2xx; the routes of
// classes that a member may not use: anonymous → 401, member → 403, coach
// (their own class) and owner → 2xx. Also the auth
// edges the matrix relies on: bearer and cookie sign-in for users created
// directly in the database (as `npm run user:create` does), sign-up that can
// never choose its role, the health check and the error shape. The public
// routes answer without a session, and only to their own token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseOrTransaction } from "@/db";
import { classEnrolments, recurringBookings, trainingSessions, type UserRole } from "@/db/schema";
import { insertUserWithPassword, startAppServer, type AppServer } from "../helpers/app-server";
import { apiRouteTree } from "../helpers/route-tree";

type Caller = "anonymous" | UserRole;

const people = {
  owner: { email: "owner@example.com", name: "Olive Owner", password: "owner-password-1" },
  coach: { email: "coach@example.com", name: "Carl Coach", password: "coach-password-1" },
  member: { email: "member@example.com", name: "Mia Member", password: "member-password-1" },
} satisfies Record<UserRole, { email: string; name: string; password: string }>;

let server: AppServer;
const ids = {} as Record<UserRole, string>;
const tokens = {} as Record<UserRole, string>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Whole UTC days from today: the server runs on the real clock. */
const at = (days: number, hour: number) => new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY + hour * HOUR);
/** The coach's classes and class series for the class routes, one per caller that succeeds (coach, owner); `started` has begun. */
const classes = {} as { coach: string; owner: string; started: string; enrolment: string; coachSeries: string; ownerSeries: string };

beforeAll(async () => {
  server = await startAppServer({
    prepare: async (handle) => {
      for (const role of ["owner", "coach", "member"] as const) {
        ids[role] = await insertUserWithPassword(handle, { ...people[role], role });
      }
      const db: DatabaseOrTransaction = handle.db;
      const aClass = async (startsAt: Date) => {
        const [row] = await db
          .insert(trainingSessions)
          .values({ coachId: ids.coach, type: "GROUP", title: "Pilates", capacity: 4, startsAt, endsAt: new Date(startsAt.getTime() + HOUR) })
          .returning({ id: trainingSessions.id });
        return row!.id;
      };
      classes.coach = await aClass(at(5, 9));
      classes.owner = await aClass(at(5, 11));
      const startedAt = new Date(Date.now() - 10 * 60_000);
      classes.started = await aClass(startedAt);
      const [place] = await db
        .insert(classEnrolments)
        .values({ classId: classes.started, memberId: ids.member, status: "confirmed", startsAt: startedAt, endsAt: new Date(startedAt.getTime() + HOUR) })
        .returning({ id: classEnrolments.id });
      classes.enrolment = place!.id;
      const aSeries = async (startTime: string, endTime: string) => {
        const [row] = await db
          .insert(recurringBookings)
          .values({ coachId: ids.coach, memberId: null, title: "Yoga", capacity: 8, dayOfWeek: 1, startTime, endTime, startDate: at(3, 0).toISOString().slice(0, 10) })
          .returning({ id: recurringBookings.id });
        return row!.id;
      };
      classes.coachSeries = await aSeries("06:00", "07:00");
      classes.ownerSeries = await aSeries("20:00", "21:00");
    },
  });
  for (const role of ["owner", "coach", "member"] as const) {
    const response = await signIn(people[role].email, people[role].password);
    expect(response.status, await explain(response)).toBe(200);
    const token = response.headers.get("set-auth-token");
    expect(token).toBeTruthy();
    tokens[role] = token!;
  }
});

afterAll(async () => {
  await server?.stop();
});

/** A browser sends its Origin on POST; better-auth's CSRF check requires it. */
function signIn(email: string, password: string): Promise<Response> {
  return server.request("/api/auth/sign-in/email", {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.baseUrl },
    body: JSON.stringify({ email, password }),
  });
}

function as(caller: Caller, init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers);
  if (caller !== "anonymous") headers.set("authorization", `Bearer ${tokens[caller]}`);
  return { ...init, headers };
}

/** A failed expectation shows the response and the end of the server's log. */
async function explain(response: Response): Promise<string> {
  return `${response.status} ${await response.clone().text()}\n${server.output().slice(-2000)}`;
}

const jsonPatch = (body: unknown): RequestInit => ({
  method: "PATCH",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

interface ProtectedRoute {
  name: string;
  request: () => [string, RequestInit];
  /** What the owner gets when not 200 (a creation: 201). */
  ownerStatus?: number;
}

/** The person the owner adds through POST /api/v1/users (the other callers are refused and add nobody). */
const added = { email: "nina@example.com", name: "Nina New", role: "member" };

// Every /api/v1 route that needs a role. A new protected route belongs here.
const protectedRoutes: ProtectedRoute[] = [
  { name: "GET /api/v1/users", request: () => ["/api/v1/users", { method: "GET" }] },
  { name: "GET /api/v1/users?role=coach", request: () => ["/api/v1/users?role=coach", { method: "GET" }] },
  {
    name: "PATCH /api/v1/users/:id",
    // Setting the member's role to what it already is: allowed, changes nothing.
    request: () => [`/api/v1/users/${ids.member}`, jsonPatch({ role: "member" })],
  },
  { name: "GET /api/v1/reports/weekly-figures", request: () => ["/api/v1/reports/weekly-figures", { method: "GET" }] },
  // The booking window as it is: allowed for the owner, changes nothing.
  { name: "PATCH /api/v1/studio-settings", request: () => ["/api/v1/studio-settings", jsonPatch({ bookingWindowDays: 365 })] },
  {
    name: "POST /api/v1/users",
    request: () => ["/api/v1/users", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(added) }],
    ownerStatus: 201,
  },
  { name: "GET /api/v1/outbox", request: () => ["/api/v1/outbox", { method: "GET" }] },
  { name: "GET /api/v1/outbox?status=failed", request: () => ["/api/v1/outbox?status=failed", { method: "GET" }] },
];

const expected: Record<Caller, number> = { anonymous: 401, member: 403, coach: 403, owner: 200 };
const expectedCode: Record<Caller, string | undefined> = {
  anonymous: "unauthenticated",
  member: "forbidden",
  coach: "forbidden",
  owner: undefined,
};

describe.each(protectedRoutes)("$name", (route) => {
  it.each(["anonymous", "member", "coach", "owner"] as const)("as %s", async (caller) => {
    const [pathname, init] = route.request();
    const response = await server.request(pathname, as(caller, init));
    expect(response.status, await explain(response)).toBe(caller === "owner" ? (route.ownerStatus ?? expected.owner) : expected[caller]);
    const body = (await response.json()) as { error?: { code: string; message: string } };
    if (expectedCode[caller]) {
      expect(body.error?.code).toBe(expectedCode[caller]);
      expect(body.error?.message).toEqual(expect.any(String));
    } else {
      expect(body.error).toBeUndefined();
    }
  });
});

const jsonPost = (body: unknown = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

interface ClassRoute {
  name: string;
  /** The request of each caller: the coach and the owner each act on their own class or series. */
  request: (caller: Caller) => [string, RequestInit];
  /** What the coach (on their own class) and the owner get. */
  status: number;
}

/** The routes of classes a member may not use (classes:manage, and a class's roster). A new one belongs here. */
const classRoutes: ClassRoute[] = [
  {
    name: "POST /api/v1/classes",
    request: (caller) => [
      "/api/v1/classes",
      jsonPost({ coachId: ids.coach, title: "Spin", capacity: 10, startsAt: at(6, caller === "owner" ? 11 : 9), endsAt: at(6, caller === "owner" ? 12 : 10) }),
    ],
    status: 201,
  },
  { name: "GET /api/v1/classes/:id/enrolments", request: () => [`/api/v1/classes/${classes.coach}/enrolments`, { method: "GET" }], status: 200 },
  {
    name: "POST /api/v1/classes/:id/cancel",
    request: (caller) => [`/api/v1/classes/${caller === "owner" ? classes.owner : classes.coach}/cancel`, jsonPost({ reason: "matrix" })],
    status: 200,
  },
  {
    name: "POST /api/v1/enrolments/:id/attendance",
    request: (caller) => [`/api/v1/enrolments/${classes.enrolment}/attendance`, jsonPost({ attendance: caller === "owner" ? "no_show" : "attended" })],
    status: 200,
  },
  {
    name: "POST /api/v1/class-series",
    request: (caller) => [
      "/api/v1/class-series",
      jsonPost({
        coachId: ids.coach,
        title: "Core",
        capacity: 6,
        dayOfWeek: 2,
        startTime: caller === "owner" ? "13:00" : "12:00",
        endTime: caller === "owner" ? "14:00" : "13:00",
        startDate: at(3, 0).toISOString().slice(0, 10),
      }),
    ],
    status: 201,
  },
  {
    name: "POST /api/v1/class-series/:id/cancel",
    request: (caller) => [`/api/v1/class-series/${caller === "owner" ? classes.ownerSeries : classes.coachSeries}/cancel`, jsonPost()],
    status: 200,
  },
];

describe.each(classRoutes)("$name", (route) => {
  it.each(["anonymous", "member", "coach", "owner"] as const)("as %s", async (caller) => {
    const [pathname, init] = route.request(caller);
    const response = await server.request(pathname, as(caller, init));
    const status = caller === "anonymous" ? 401 : caller === "member" ? 403 : route.status;
    expect(response.status, await explain(response)).toBe(status);
    const body = (await response.json()) as { error?: { code: string } };
    expect(body.error?.code).toBe(caller === "anonymous" ? "unauthenticated" : caller === "member" ? "forbidden" : undefined);
  });
});

// Public on purpose: the health check, the API reference, better-auth's own
// endpoints, a calendar feed (its token is the key) and the one-click
// unsubscribe (its signed token is the only authority). The cron routes are
// not public: they have their own secret and say 401 too, so they stay in
// the tree's check below.
const PUBLIC_ROUTES = new Set(["/api/health", "/api/v1/openapi.json", "/api/auth/[...all]", "/api/calendar-feeds/[token]", "/api/unsubscribe"]);

/** Every route in the tree but the public ones. */
function routeTree(): Array<{ route: string; method: string }> {
  return apiRouteTree().filter(({ route }) => !PUBLIC_ROUTES.has(route));
}

describe("every non-public route in the tree", () => {
  it.each(routeTree())("$method $route answers 401 without a session, before reading its input", async ({ route, method }) => {
    const pathname = route.replace(/\[[^\]]+\]/g, "some-id");
    const init: RequestInit =
      method === "GET" ? { method } : { method, headers: { "content-type": "application/json" }, body: "{}" };
    const response = await server.request(pathname, init);
    expect(response.status, await explain(response)).toBe(401);
    const body = (await response.json()) as { error?: { code: string } };
    expect(body.error?.code).toBe("unauthenticated");
  });
});

describe("public routes: no session needed, and none of them a way in", () => {
  it("a calendar feed answers 404 for an unknown token, signed in or not", async () => {
    for (const caller of ["anonymous", "owner"] as const) {
      const response = await server.request("/api/calendar-feeds/no-such-token.ics", as(caller));
      expect(response.status, await explain(response)).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
  });

  it("the unsubscribe link answers 404 without a valid token, and a session is no substitute", async () => {
    for (const [caller, query] of [["anonymous", ""], ["anonymous", "?token=forged.token"], ["owner", ""], ["member", "?token=x"]] as const) {
      const response = await server.request(`/api/unsubscribe${query}`, as(caller, { method: "POST" }));
      expect(response.status, await explain(response)).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
  });
});

it("signs in with a cookie session as well as a bearer token", async () => {
  const response = await signIn(people.owner.email, people.owner.password);
  expect(response.status).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0]!)
    .find((pair) => pair.includes("session_token="));
  expect(cookie).toBeTruthy();

  const listed = await server.request("/api/v1/users", { headers: { cookie: cookie! } });
  expect(listed.status).toBe(200);
  const { users } = (await listed.json()) as { users: Array<{ email: string; role: string }> };
  // The three above, and the person the owner added (POST /api/v1/users in the matrix).
  expect(users.map((user) => user.email).sort()).toEqual(
    [people.coach.email, people.member.email, people.owner.email, added.email].sort(),
  );
});

it("rejects a wrong password and a forged bearer token", async () => {
  expect((await signIn(people.coach.email, "not-the-password")).status).toBe(401);
  const forged = await server.request("/api/v1/users", { headers: { authorization: "Bearer forged.token" } });
  expect(forged.status).toBe(401);
});

it("sign-up always creates a member, whatever role the body claims", async () => {
  const response = await server.request("/api/auth/sign-up/email", {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.baseUrl },
    body: JSON.stringify({ email: "eve@example.com", password: "eve-password-1", name: "Eve", role: "owner" }),
  });
  expect(response.status, await explain(response)).toBe(200);
  expect(((await response.json()) as { user: { role: string } }).user.role).toBe("member");

  // What the database holds, read back through the owner's list.
  const listed = await server.request("/api/v1/users?role=member", as("owner"));
  const { users } = (await listed.json()) as { users: Array<{ email: string; role: string }> };
  expect(users.find((user) => user.email === "eve@example.com")?.role).toBe("member");
});

it("answers the health check with the engine it runs on", async () => {
  const response = await server.request("/api/health");
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: server.kind });
});

describe("error shape", () => {
  it("names the bad field: 400 with fields.role for an unknown role", async () => {
    const response = await server.request(`/api/v1/users/${ids.member}`, as("owner", jsonPatch({ role: "king" })));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string; fields: Record<string, string> } };
    expect(body.error.code).toBe("invalid_input");
    expect(Object.keys(body.error.fields)).toEqual(["role"]);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const response = await server.request(
      `/api/v1/users/${ids.member}`,
      as("owner", { method: "PATCH", headers: { "content-type": "application/json" }, body: "{role:" }),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("invalid_input");
  });

  it("answers 404 for an unknown user and 409 for demoting the last owner", async () => {
    const missing = await server.request("/api/v1/users/no-such-user", as("owner", jsonPatch({ role: "coach" })));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");

    const lastOwner = await server.request(`/api/v1/users/${ids.owner}`, as("owner", jsonPatch({ role: "member" })));
    expect(lastOwner.status).toBe(409);
    expect(((await lastOwner.json()) as { error: { code: string } }).error.code).toBe("conflict");
  });

  it("promotes a member to coach with a time zone over HTTP", async () => {
    const response = await server.request(
      `/api/v1/users/${ids.member}`,
      as("owner", jsonPatch({ role: "coach", timezone: "Europe/Paris" })),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      user: { id: ids.member, email: people.member.email, name: people.member.name, role: "coach", timezone: "Europe/Paris" },
    });
    // Put it back: other tests in this file expect a member.
    await server.request(`/api/v1/users/${ids.member}`, as("owner", jsonPatch({ role: "member" })));
  });
});

// Last: it uses up this client's sign-in allowance on this server.
it("signs out: the session's token stops working at once", async () => {
  const response = await signIn(people.coach.email, people.coach.password);
  const token = response.headers.get("set-auth-token")!;
  const bearer = { authorization: `Bearer ${token}` };
  expect((await server.request("/api/auth/get-session", { headers: bearer })).status).toBe(200);

  const signOut = await server.request("/api/auth/sign-out", {
    method: "POST",
    headers: { ...bearer, origin: server.baseUrl, "content-type": "application/json" },
    body: "{}",
  });
  expect(signOut.status, await explain(signOut)).toBe(200);

  const after = await server.request("/api/auth/get-session", { headers: bearer });
  expect(await after.json()).toBeNull();
  expect((await server.request("/api/v1/users", { headers: bearer })).status).toBe(401);
});

it("rate-limits repeated sign-in attempts", async () => {
  let status = 0;
  for (let attempt = 0; attempt < 15 && status !== 429; attempt++) {
    status = (await signIn(people.coach.email, "guessing-the-password")).status;
  }
  expect(status).toBe(429);
});
