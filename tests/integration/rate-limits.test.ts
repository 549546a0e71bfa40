// Rate limits in PostgreSQL (src/server/rate-limits): a fixed window per key,
// counted by one atomic upsert, so racing hits and separate instances share
// one count; a released hit is given back only within its own window; old
// rows are swept. Every test passes its own `now`.
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { describe, expect, it } from "vitest";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { hitRateLimit } from "@/server/rate-limits/hit-rate-limit";
import { rateLimitRule, type RateLimitRule } from "@/server/rate-limits/rate-limit-rules";
import { releaseRateLimit } from "@/server/rate-limits/release-rate-limit";
import { useMigratedDatabase } from "../helpers/test-database";

let handle: DatabaseHandle;
let db: DatabaseOrTransaction;
useMigratedDatabase((opened) => {
  handle = opened;
  db = opened.db;
});

const NOW = new Date("2030-05-06T10:00:00.000Z");
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const rule = (name: string, limit: number, windowSeconds: number): RateLimitRule => ({ name, limit, windowSeconds });

describe("hitRateLimit", () => {
  it("allows `limit` hits in a window, then refuses with the seconds left", async () => {
    const three = rule("test-window", 3, 60);
    for (let hit = 1; hit <= 3; hit++) {
      const answer = await hitRateLimit(db, three, "alice", at(hit));
      expect(answer).toMatchObject({ allowed: true, hits: hit });
    }
    const refused = await hitRateLimit(db, three, "alice", at(20));
    expect(refused).toMatchObject({ allowed: false, hits: 4, retryAfterSeconds: 41 });
    expect(refused.resetsAt.toISOString()).toBe(at(61).toISOString());
    // Another subject has a count of its own.
    expect((await hitRateLimit(db, three, "bob", at(20))).allowed).toBe(true);
  });

  it("starts again at 1 once the window has passed", async () => {
    const one = rule("test-restart", 1, 60);
    expect((await hitRateLimit(db, one, "x", at(0))).allowed).toBe(true);
    expect((await hitRateLimit(db, one, "x", at(59))).allowed).toBe(false);
    const fresh = await hitRateLimit(db, one, "x", at(60));
    expect(fresh).toMatchObject({ allowed: true, hits: 1, retryAfterSeconds: 60 });
  });

  it("counts racing hits exactly: of 30 at once with a limit of 10, 10 pass", async () => {
    const ten = rule("test-race", 10, 60);
    const answers = await Promise.all(Array.from({ length: 30 }, () => hitRateLimit(db, ten, "racer", NOW)));
    expect(answers.filter((answer) => answer.allowed)).toHaveLength(10);
    expect(answers.map((answer) => answer.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it("is one count for two database handles on one database (two app instances)", async () => {
    // PostgreSQL: a second pool on the same database, as a second server
    // would open. PGlite: a second drizzle instance over the one in-memory
    // database (PGlite cannot be opened twice).
    let second: DatabaseOrTransaction;
    let close = async () => {};
    if (handle.kind === "postgres") {
      const [{ name } = { name: "" }] = await selectRows<{ name: string }>(db, sql`SELECT current_database() AS name`);
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${name}`;
      const other = await openDatabase({ databaseUrl: url.toString() });
      second = other.db;
      close = () => other.close();
    } else {
      second = drizzle(handle.db.$client);
    }
    try {
      const four = rule("test-instances", 4, 60);
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) => hitRateLimit(i % 2 === 0 ? db : second, four, "shared", NOW)),
      );
      expect(answers.filter((answer) => answer.allowed)).toHaveLength(4);
    } finally {
      await close();
    }
  });
});

describe("releaseRateLimit", () => {
  it("gives a hit back within its window, and never into a later one", async () => {
    const two = rule("test-release", 2, 60);
    const first = await hitRateLimit(db, two, "y", at(0));
    await hitRateLimit(db, two, "y", at(1));
    await releaseRateLimit(db, first);
    expect((await hitRateLimit(db, two, "y", at(2))).allowed).toBe(true); // 2 of 2
    expect((await hitRateLimit(db, two, "y", at(3))).allowed).toBe(false);

    // The window restarts; the old reservation's release must not touch it.
    const next = await hitRateLimit(db, two, "y", at(61));
    expect(next.hits).toBe(1);
    await releaseRateLimit(db, first);
    expect((await hitRateLimit(db, two, "y", at(62))).hits).toBe(2);
  });
});

describe("sweeping", () => {
  it("deletes rows an hour past their window, sooner or later, and keeps live ones", async () => {
    const short = rule("test-sweep", 5, 1);
    await hitRateLimit(db, short, "old", at(-7200));
    await hitRateLimit(db, short, "live", at(0));
    // About one hit in 200 sweeps: a few thousand cheap hits make it certain enough.
    for (let i = 0; i < 3000; i++) {
      await hitRateLimit(db, short, "sweeper", at(0));
      const rows = await selectRows<{ key: string }>(db, sql`SELECT key FROM rate_limits WHERE key = 'test-sweep:old'`);
      if (rows.length === 0) break;
    }
    const keys = (await selectRows<{ key: string }>(db, sql`SELECT key FROM rate_limits WHERE key LIKE 'test-sweep:%'`)).map((row) => row.key);
    expect(keys.sort()).toEqual(["test-sweep:live", "test-sweep:sweeper"]);
  });
});

describe("rateLimitRule", () => {
  it("reads COUNT/WINDOW from its variable, with defaults, and refuses nonsense", () => {
    expect(rateLimitRule("signInPerAccount", {})).toEqual({ name: "signInPerAccount", limit: 10, windowSeconds: 900 });
    expect(rateLimitRule("apiWritesPerUser", { RATE_LIMIT_API_WRITES: "5/30s" })).toEqual({
      name: "apiWritesPerUser",
      limit: 5,
      windowSeconds: 30,
    });
    expect(() => rateLimitRule("signUpPerAddress", { RATE_LIMIT_SIGN_UP_ADDRESS: "lots" })).toThrow(/RATE_LIMIT_SIGN_UP_ADDRESS/);
  });
});
