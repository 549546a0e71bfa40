// Bookings over real HTTP against `next start`: a member books a weekly
// series (201 with its sessions), sees it listed with its next sessions,
// previews a clashing one (409 listing the dates), books one session and
// loses a taken one (409), and cancels the series. Plus the edges: 401
// without a session, 400 naming the field, 404 for someone else's series.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_WEEK, addWeeklyRules } from "../helpers/people";
import { insertUserWithPassword, signInForToken, startAppServer, type AppServer } from "../helpers/app-server";

let server: AppServer;
let coachId: string;
const tokens: Record<"member" | "other", string> = { member: "", other: "" };
const people = {
  member: { email: "mia@example.com", name: "Mia", password: "member-password-1" },
  other: { email: "noah@example.com", name: "Noah", password: "member-password-2" },
};

// A Wednesday at least two weeks ahead, as YYYY-MM-DD (the server's clock is the real one).
const start = new Date(Date.now() + 14 * 86_400_000);
start.setUTCDate(start.getUTCDate() + ((3 - start.getUTCDay() + 7) % 7));
const startDate = start.toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startAppServer({
    prepare: async (handle) => {
      coachId = await insertUserWithPassword(handle, { email: "coach@example.com", name: "Coach", role: "coach", password: "coach-password-1" });
      await addWeeklyRules(handle.db, coachId, ALL_WEEK);
      for (const key of ["member", "other"] as const) {
        await insertUserWithPassword(handle, { ...people[key], role: "member" });
      }
    },
  });
  for (const key of ["member", "other"] as const) {
    tokens[key] = await signInForToken(server, people[key].email, people[key].password);
  }
});

afterAll(async () => {
  await server?.stop();
});

function call(who: keyof typeof tokens | "anonymous", pathname: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (who !== "anonymous") headers.authorization = `Bearer ${tokens[who]}`;
  return server.request(pathname, body === undefined ? { headers } : { method: "POST", headers, body: JSON.stringify(body) });
}

async function json(response: Response, status: number) {
  const text = await response.text();
  expect(response.status, `${text}\n${server.output().slice(-1500)}`).toBe(status);
  return JSON.parse(text);
}

const series = () => ({ coachId, dayOfWeek: 3, startTime: "10:00", endTime: "11:00", startDate });

describe("recurring bookings over HTTP", () => {
  let seriesId: string;

  it("books a weekly series: 201 with the series and its sessions up to the horizon", async () => {
    const body = await json(await call("member", "/api/v1/recurring-bookings", series()), 201);
    expect(body.recurringBooking).toMatchObject({ dayOfWeek: 3, startTime: "10:00", status: "active" });
    expect(body.sessions.length).toBeGreaterThanOrEqual(3);
    expect(body.sessions[0].startsAt).toBe(`${startDate}T10:00:00.000Z`);
    expect(body.skipped).toEqual([]);
    seriesId = body.recurringBooking.id;
  });

  it("lists the member's series with its next sessions", async () => {
    const body = await json(await call("member", "/api/v1/recurring-bookings"), 200);
    expect(body.recurringBookings).toHaveLength(1);
    expect(body.recurringBookings[0].nextSessions[0].startsAt).toBe(`${startDate}T10:00:00.000Z`);
    expect((await json(await call("other", "/api/v1/recurring-bookings"), 200)).recurringBookings).toEqual([]);
  });

  it("answers 409 with every conflicting date when another member wants the same weekly slot, and previews it", async () => {
    const body = await json(await call("other", "/api/v1/recurring-bookings", series()), 409);
    expect(body.error.code).toBe("conflict");
    expect(body.error.conflicts[0]).toMatchObject({ date: startDate, reason: "coach_busy" });
    const preview = await json(await call("other", "/api/v1/recurring-bookings/preview", { ...series(), startTime: "11:00", endTime: "12:00" }), 200);
    expect(preview.occurrences.every((occurrence: { reason: unknown }) => occurrence.reason === null)).toBe(true);
  });

  it("answers 400 naming the field, and 401 without a session", async () => {
    const bad = await json(await call("member", "/api/v1/recurring-bookings", { ...series(), endTime: "24:00" }), 400);
    expect(bad.error.fields).toHaveProperty("endTime");
    const garbled = await server.request("/api/v1/recurring-bookings", {
      method: "POST",
      headers: { authorization: `Bearer ${tokens.member}`, "content-type": "application/json" },
      body: "{not json",
    });
    expect((await json(garbled, 400)).error.fields).toHaveProperty("body");
    await json(await call("anonymous", "/api/v1/recurring-bookings", series()), 401);
  });

  it("books one session, and the second member asking for the same time gets 409", async () => {
    const slot = { coachId, startsAt: `${startDate}T14:00:00Z`, endsAt: `${startDate}T15:00:00Z` };
    const booked = await json(await call("member", "/api/v1/bookings", slot), 201);
    expect(booked.session).toMatchObject({ startsAt: `${startDate}T14:00:00.000Z`, status: "scheduled" });
    expect((await json(await call("other", "/api/v1/bookings", slot), 409)).error.code).toBe("conflict");
    expect((await json(await call("other", "/api/v1/bookings", { ...slot, startsAt: "tomorrow" }), 400)).error.fields).toHaveProperty(
      "startsAt",
    );
  });

  it("cancels the series: someone else gets 404, the member gets the count", async () => {
    await json(await call("other", `/api/v1/recurring-bookings/${seriesId}/cancel`, { futureOnly: true }), 404);
    const body = await json(await call("member", `/api/v1/recurring-bookings/${seriesId}/cancel`, { futureOnly: true }), 200);
    expect(body.cancelled).toBeGreaterThanOrEqual(3);
    expect(body.recurringBooking.status).toBe("cancelled");
    await json(await call("member", `/api/v1/recurring-bookings/${seriesId}/cancel`, {}), 409);
  });
});
