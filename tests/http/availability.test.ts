// The availability routes over real HTTP against `next start`: the coach
// list, weekly rules (GET/PUT with the sessions a change leaves outside),
// additions, blocked slots and free slots — each route's happy path, and
// 400 (naming the field), 401, 403 and 404 once each. The server's clock is
// the real one, so every date here lies weeks ahead of today.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseOrTransaction } from "@/db";
import { trainingSessions, type UserRole } from "@/db/schema";
import { insertUserWithPassword, signInForToken, startAppServer, type AppServer } from "../helpers/app-server";

type Caller = "owner" | "coach" | "other" | "member";

const people: Record<Caller, { email: string; name: string; password: string; role: UserRole }> = {
  owner: { email: "owner@example.com", name: "Olive", password: "owner-password-1", role: "owner" },
  coach: { email: "coach@example.com", name: "Carl", password: "coach-password-1", role: "coach" },
  other: { email: "other@example.com", name: "Bea", password: "other-password-1", role: "coach" },
  member: { email: "member@example.com", name: "Mia", password: "member-password-1", role: "member" },
};

let server: AppServer;
const ids = {} as Record<Caller, string>;
const tokens = {} as Record<Caller, string>;
let sessionId: string;

// A Monday three to four weeks ahead (UTC: the business zone of this server).
const monday = new Date(Date.now() + 21 * 86_400_000);
monday.setUTCDate(monday.getUTCDate() + ((1 - monday.getUTCDay() + 7) % 7));
const day = monday.toISOString().slice(0, 10);
const at = (time: string) => `${day}T${time}:00.000Z`;

beforeAll(async () => {
  server = await startAppServer({
    prepare: async (handle) => {
      for (const caller of Object.keys(people) as Caller[]) {
        ids[caller] = await insertUserWithPassword(handle, people[caller]);
      }
      // Carl's coach_settings row is missing on purpose: the defaults apply (UTC, 120, 60).
      const db: DatabaseOrTransaction = handle.db;
      const [row] = await db
        .insert(trainingSessions)
        .values({ coachId: ids.coach, memberId: ids.member, startsAt: new Date(at("15:00")), endsAt: new Date(at("16:00")) })
        .returning({ id: trainingSessions.id });
      sessionId = row!.id;
    },
  });
  for (const caller of Object.keys(people) as Caller[]) {
    tokens[caller] = await signInForToken(server, people[caller].email, people[caller].password);
  }
});

afterAll(async () => {
  await server?.stop();
});

function call(who: Caller | "anonymous", method: string, pathname: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (who !== "anonymous") headers.authorization = `Bearer ${tokens[who]}`;
  return server.request(pathname, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

async function json(response: Response, status: number) {
  const text = await response.text();
  expect(response.status, `${text}\n${server.output().slice(-1500)}`).toBe(status);
  return JSON.parse(text);
}

const base = () => `/api/v1/coaches/${ids.coach}`;

describe("GET /api/v1/coaches", () => {
  it("lists the coaches by name for a member, without emails", async () => {
    const body = await json(await call("member", "GET", "/api/v1/coaches"), 200);
    expect(body).toEqual({
      coaches: [
        { id: ids.other, name: "Bea", timezone: "UTC", minimumNoticeMinutes: 120, defaultDuration: 60 },
        { id: ids.coach, name: "Carl", timezone: "UTC", minimumNoticeMinutes: 120, defaultDuration: 60 },
      ],
    });
  });

  it("answers 401 without a session", async () => {
    const body = await json(await call("anonymous", "GET", "/api/v1/coaches"), 401);
    expect(body.error.code).toBe("unauthenticated");
  });
});

describe("weekly availability", () => {
  const week = (rules: unknown[], extra: Record<string, unknown> = {}) => ({ rules, ...extra });
  const mondays = [{ dayOfWeek: 1, startTime: "09:00", endTime: "17:00" }];
  const mornings = [{ dayOfWeek: 1, startTime: "09:00", endTime: "12:00" }];

  it("PUT by the coach replaces the week; GET shows it to a member", async () => {
    const put = await json(await call("coach", "PUT", `${base()}/weekly-availability`, week(mondays)), 200);
    expect(put).toEqual({ coachId: ids.coach, timezone: "UTC", rules: mondays, affected: [], cancelled: 0 });
    const got = await json(await call("member", "GET", `${base()}/weekly-availability`), 200);
    expect(got).toEqual({ coachId: ids.coach, timezone: "UTC", rules: mondays });
  });

  it("reports the session a shorter week leaves outside, then cancels it when asked", async () => {
    const kept = await json(await call("owner", "PUT", `${base()}/weekly-availability`, week(mornings)), 200);
    expect(kept.affected.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([[sessionId, "scheduled"]]);
    expect(kept.cancelled).toBe(0);

    const cancelled = await json(
      await call("coach", "PUT", `${base()}/weekly-availability`, week(mornings, { cancelAffected: true })),
      200,
    );
    expect(cancelled.cancelled).toBe(1);
    expect(cancelled.affected[0]).toMatchObject({ id: sessionId, status: "cancelled", cancellationReason: "Coach availability changed" });
    await json(await call("coach", "PUT", `${base()}/weekly-availability`, week(mondays)), 200);
  });

  it("400 names the field; 403 for another coach and for a member; 404 for an unknown coach", async () => {
    const bad = await json(
      await call("coach", "PUT", `${base()}/weekly-availability`, week([...mondays, { dayOfWeek: 1, startTime: "16:00", endTime: "24:00" }])),
      400,
    );
    expect(bad.error.code).toBe("invalid_input");
    expect(Object.keys(bad.error.fields)).toEqual(["rules.1.endTime"]);

    expect((await json(await call("other", "PUT", `${base()}/weekly-availability`, week(mornings)), 403)).error.code).toBe("forbidden");
    expect((await json(await call("member", "PUT", `${base()}/weekly-availability`, week(mornings)), 403)).error.code).toBe("forbidden");
    expect((await json(await call("owner", "GET", "/api/v1/coaches/no-such-coach/weekly-availability"), 404)).error.code).toBe(
      "not_found",
    );
    // Nothing changed.
    expect((await json(await call("member", "GET", `${base()}/weekly-availability`), 200)).rules).toEqual(mondays);
  });
});

describe("availability additions", () => {
  let additionId: string;

  it("POST adds one (201) and GET lists it", async () => {
    const body = await json(
      await call("coach", "POST", `${base()}/availability-additions`, { startsAt: at("18:00"), endsAt: at("20:00"), reason: "Evening" }),
      201,
    );
    expect(body.addition).toMatchObject({ coachId: ids.coach, startsAt: at("18:00"), endsAt: at("20:00"), reason: "Evening" });
    additionId = body.addition.id;
    const listed = await json(await call("owner", "GET", `${base()}/availability-additions?to=${encodeURIComponent(at("23:00"))}`), 200);
    expect(listed.additions.map((a: { id: string }) => a.id)).toEqual([additionId]);
  });

  it("400 names the field; 403 for a member", async () => {
    const bad = await json(await call("coach", "POST", `${base()}/availability-additions`, { startsAt: at("20:00"), endsAt: at("18:00") }), 400);
    expect(bad.error.fields).toEqual({ endsAt: "Must be after startsAt" });
    expect((await json(await call("member", "GET", `${base()}/availability-additions`), 403)).error.code).toBe("forbidden");
  });

  it("DELETE removes it and reports what it leaves outside; 404 the second time", async () => {
    const body = await json(await call("coach", "DELETE", `${base()}/availability-additions/${additionId}?cancelAffected=false`), 200);
    expect(body).toMatchObject({ addition: { id: additionId }, affected: [], cancelled: 0 });
    const again = await json(await call("coach", "DELETE", `${base()}/availability-additions/${additionId}`), 404);
    expect(again.error.code).toBe("not_found");
  });
});

describe("blocked slots", () => {
  let blockedId: string;

  it("POST blocks time (201), GET lists it, DELETE removes it, then 404", async () => {
    const body = await json(
      await call("coach", "POST", `${base()}/blocked-slots`, { startsAt: at("12:00"), endsAt: at("13:00"), reason: "Lunch" }),
      201,
    );
    expect(body).toMatchObject({ blockedSlot: { startsAt: at("12:00"), reason: "Lunch" }, affected: [], cancelled: 0 });
    blockedId = body.blockedSlot.id;

    const listed = await json(await call("coach", "GET", `${base()}/blocked-slots`), 200);
    expect(listed.blockedSlots.map((b: { id: string }) => b.id)).toEqual([blockedId]);
    expect((await json(await call("other", "POST", `${base()}/blocked-slots`, { startsAt: at("12:00"), endsAt: at("13:00") }), 403)).error.code).toBe(
      "forbidden",
    );
  });

  it("free slots leave out the blocked hour, the notice and nothing else", async () => {
    const body = await json(await call("member", "GET", `${base()}/slots?from=${day}&to=${day}&duration=60`), 200);
    expect(body.coachId).toBe(ids.coach);
    expect(body.timezone).toBe("UTC");
    // Mondays 09–17, blocked 12–13 (the cancelled 15:00 session frees its hour).
    expect(body.slots.map((s: { startsAt: string }) => s.startsAt)).toEqual(
      ["09:00", "09:30", "10:00", "10:30", "11:00", "13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00"].map(at),
    );
    expect(body.slots[0].endsAt).toBe(at("10:00"));
  });

  it("DELETE then a second DELETE: 200, then 404", async () => {
    expect((await json(await call("owner", "DELETE", `${base()}/blocked-slots/${blockedId}`), 200)).blockedSlot.id).toBe(blockedId);
    expect((await json(await call("owner", "DELETE", `${base()}/blocked-slots/${blockedId}`), 404)).error.code).toBe("not_found");
  });
});

describe("GET slots: the edges", () => {
  it("400 names the field, 404 for an unknown coach, 401 without a session", async () => {
    const bad = await json(await call("member", "GET", `${base()}/slots?from=${day}&to=${day}&duration=20`), 400);
    expect(Object.keys(bad.error.fields)).toEqual(["duration"]);
    expect((await json(await call("member", "GET", `/api/v1/coaches/${ids.member}/slots?from=${day}&to=${day}`), 404)).error.code).toBe(
      "not_found",
    );
    expect((await json(await call("anonymous", "GET", `${base()}/slots?from=${day}&to=${day}`), 401)).error.code).toBe("unauthenticated");
  });
});

describe("PATCH /api/v1/coaches/:coachId/settings", () => {
  it("the coach changes their own notice and length; a member gets 403, a bad value 400 naming it", async () => {
    const other = `/api/v1/coaches/${ids.other}/settings`;
    const body = await json(await call("other", "PATCH", other, { minimumNoticeMinutes: 60, defaultDuration: 30 }), 200);
    expect(body.coach).toMatchObject({ id: ids.other, minimumNoticeMinutes: 60, defaultDuration: 30 });
    expect((await json(await call("member", "PATCH", other, { defaultDuration: 30 }), 403)).error.code).toBe("forbidden");
    expect(Object.keys((await json(await call("other", "PATCH", other, { defaultDuration: 20 }), 400)).error.fields)).toEqual([
      "defaultDuration",
    ]);
  });
});
