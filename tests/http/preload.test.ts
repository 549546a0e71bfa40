// apiRoute's `preload` (src/app/api/_lib/route.ts) on the route that uses it,
// GET /api/v1/coaches/:id/slots, whose free-time query starts while the
// session is still being looked up. Without a valid session the answer is the
// same 401 whatever the read found or failed on (a real coach, an unknown id,
// bad input): nothing about the coach leaks, and the dropped read leaves no
// error in the server's output. Signed in, the answers are those of a plain
// route: 200, 400 naming the field, 404. The answer goes uncompressed by
// default (compression is the proxy's, next.config.ts); with COMPRESSION=on,
// Next gzips it for a gzip client, and it decodes to the same JSON.
import { request as httpRequest } from "node:http";
import { gunzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseOrTransaction } from "@/db";
import { weeklyAvailability } from "@/db/schema";
import { insertUserWithPassword, signInForToken, startAppServer, type AppServer } from "../helpers/app-server";

const coach = { email: "carl@example.com", name: "Carl Coach", password: "coach-password-1", role: "coach" as const };
const member = { email: "mia@example.com", name: "Mia Member", password: "member-password-1", role: "member" as const };

let server: AppServer;
let coachId = "";
let memberToken = "";
const day = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startAppServer({
    prepare: async (handle) => {
      coachId = await insertUserWithPassword(handle, coach);
      const memberId = await insertUserWithPassword(handle, member);
      const db: DatabaseOrTransaction = handle.db;
      await db
        .insert(weeklyAvailability)
        .values([0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ coachId, dayOfWeek, startTime: "09:00", endTime: "17:00" })));
      const expired = new Date(Date.now() - 60_000).toISOString();
      await db.execute(sql`INSERT INTO sessions (token, user_id, expires_at) VALUES ('expiredtoken', ${memberId}, ${expired}::timestamptz)`);
    },
  });
  memberToken = await signInForToken(server, member.email, member.password);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

const slots = (id: string, query = `from=${day}&to=${day}`) => `/api/v1/coaches/${id}/slots?${query}`;

describe("without a valid session", () => {
  it("answers the same 401 for a real coach, an unknown one and bad input, and logs nothing", async () => {
    const signedOut = await signInForToken(server, member.email, member.password);
    const signOut = await server.request("/api/auth/sign-out", {
      method: "POST",
      headers: { authorization: `Bearer ${signedOut}`, origin: server.baseUrl, "content-type": "application/json" },
      body: "{}",
    });
    expect(signOut.status).toBe(200);

    const credentials: Array<Record<string, string>> = [
      {},
      { authorization: "Bearer unknowntoken" },
      { authorization: "Bearer expiredtoken" },
      { authorization: `Bearer ${signedOut}` },
      { authorization: `Bearer ${memberToken.slice(0, -3)}xx=` },
      { cookie: "better-auth.session_token=forged.value" },
    ];
    const paths = [
      slots(coachId),
      slots("no-such-coach"),
      slots(coachId, `from=${day}&to=${day}&duration=20`),
      slots(coachId, "from=not-a-date&to=2020-13-45"),
      slots(coachId, `from=${day}&to=${day}&extra=1`),
    ];
    const outputBefore = server.output().length;
    for (const headers of credentials) {
      for (const path of paths) {
        const response = await server.request(path, { headers });
        const what = `${JSON.stringify(headers)} ${path}`;
        expect(response.status, what).toBe(401);
        expect(await response.json(), what).toEqual({ error: { code: "unauthenticated", message: "Sign in first" } });
      }
    }
    // Give a dropped read time to finish (and fail) before looking at the output.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.output().slice(outputBefore)).toBe("");
  });
});

describe("signed in", () => {
  const asMember = () => ({ headers: { authorization: `Bearer ${memberToken}` } });

  it("answers the coach's free slots", async () => {
    const response = await server.request(slots(coachId), asMember());
    expect(response.status).toBe(200);
    const body = (await response.json()) as { coachId: string; duration: number; slots: Array<{ startsAt: string }> };
    expect(body.coachId).toBe(coachId);
    expect(body.duration).toBe(60);
    expect(body.slots.map((slot) => slot.startsAt.slice(11, 16))).toEqual(
      ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00"],
    );
  });

  it("answers 400 naming the field, and 404 for an unknown coach", async () => {
    const bad = await server.request(slots(coachId, `from=${day}&to=${day}&duration=20`), asMember());
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty("duration");
    const unknown = await server.request(slots("00000000-0000-4000-8000-000000000000"), asMember());
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("answers uncompressed by default, and gzip once for a gzip client with COMPRESSION=on, the same JSON", async () => {
    const to = new Date(Date.parse(day) + 41 * 86_400_000).toISOString().slice(0, 10);
    const raw = (on: AppServer, token: string, coach: string, acceptEncoding: string) =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        const url = new URL(slots(coach, `from=${day}&to=${to}`), on.baseUrl);
        const req = httpRequest(url, { headers: { authorization: `Bearer ${token}`, "accept-encoding": acceptEncoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          res.on("error", reject);
        });
        req.on("error", reject);
        req.end();
      });
    const byDefault = await raw(server, memberToken, coachId, "gzip, deflate");
    expect(byDefault.headers["content-encoding"]).toBeUndefined();
    const plain = JSON.parse(byDefault.body.toString("utf8")) as { slots: unknown[] };
    expect(plain.slots.length).toBeGreaterThan(100);

    // The same data on a server started with COMPRESSION=on (ids differ per database: compare the slots).
    let otherCoach = "";
    const compressing = await startAppServer({
      env: { COMPRESSION: "on" },
      prepare: async (handle) => {
        otherCoach = await insertUserWithPassword(handle, coach);
        await insertUserWithPassword(handle, member);
        await handle.db
          .insert(weeklyAvailability)
          .values([0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ coachId: otherCoach, dayOfWeek, startTime: "09:00", endTime: "17:00" })));
      },
    });
    try {
      const token = await signInForToken(compressing, member.email, member.password);
      const gzipped = await raw(compressing, token, otherCoach, "gzip, deflate");
      const identity = await raw(compressing, token, otherCoach, "identity");
      expect(gzipped.headers["content-encoding"]).toBe("gzip");
      expect(identity.headers["content-encoding"]).toBeUndefined();
      const decoded = JSON.parse(gunzipSync(gzipped.body).toString("utf8")) as { slots: unknown[] };
      expect(decoded).toEqual(JSON.parse(identity.body.toString("utf8")));
      expect(decoded.slots).toEqual(plain.slots);
    } finally {
      await compressing.stop();
    }
  });
});
