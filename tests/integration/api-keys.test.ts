// Personal API keys (src/server/api-keys, src/auth/api-key-actor.ts): the
// secret is answered once and only its SHA-256 is stored; a user lists and
// revokes only their own keys (another's is 404); a key acts with its user's
// CURRENT role; a revoked key is no actor; last_used_at moves at most once a
// minute.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { apiKeyActor } from "@/auth/api-key-actor";
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import { apiKeys, users } from "@/db/schema";
import { createApiKey, MAX_ACTIVE_API_KEYS } from "@/server/api-keys/create-api-key";
import { listApiKeys } from "@/server/api-keys/list-api-keys";
import { revokeApiKey } from "@/server/api-keys/revoke-api-key";
import type { ErrorCode } from "@/domain/errors";
import { rejection } from "../helpers/app-error";
import { addPerson } from "../helpers/people";
import { useMigratedDatabase } from "../helpers/test-database";

let db: DatabaseOrTransaction;
useMigratedDatabase((handle) => {
  db = handle.db;
});

async function expectAppError(promise: Promise<unknown>, code: ErrorCode, fields?: string[]): Promise<void> {
  const error = await rejection(promise);
  expect(error.code).toBe(code);
  if (fields) expect(Object.keys(error.fields ?? {})).toEqual(fields);
}

let member: Actor;
let other: Actor;
const NOW = new Date("2030-05-06T10:00:00.000Z");
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

beforeAll(async () => {
  member = await addPerson(db, "member");
  other = await addPerson(db, "member");
});

describe("createApiKey", () => {
  it("answers the secret once and keeps only its hash and first characters", async () => {
    const { apiKey, key } = await createApiKey({ db, actor: member, input: { name: "  Reporting script " }, now: NOW });
    expect(key).toMatch(/^cb_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toEqual({
      id: expect.any(String),
      name: "Reporting script",
      prefix: key.slice(0, 10),
      createdAt: NOW.toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    });
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row!.tokenHash).toBe(createHash("sha256").update(key).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(key);
  });

  it("names the bad field: no name, an empty one, one too long", async () => {
    for (const input of [{}, { name: "   " }, { name: "x".repeat(101) }]) {
      await expectAppError(createApiKey({ db, actor: member, input: input as { name: string } }), "invalid_input", ["name"]);
    }
  });

  it("refuses the anonymous (401) and more than the active maximum (409)", async () => {
    await expectAppError(createApiKey({ db, actor: null, input: { name: "k" } }), "unauthenticated");
    const busy = await addPerson(db, "coach");
    for (let i = 0; i < MAX_ACTIVE_API_KEYS; i++) await createApiKey({ db, actor: busy, input: { name: `k${i}` } });
    await expectAppError(createApiKey({ db, actor: busy, input: { name: "one more" } }), "conflict");
  });

  it("holds the maximum when many creations arrive at once", async () => {
    const eager = await addPerson(db, "member");
    const attempts = await Promise.allSettled(
      Array.from({ length: MAX_ACTIVE_API_KEYS + 10 }, (_, i) => createApiKey({ db, actor: eager, input: { name: `burst ${i}` } })),
    );
    expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(MAX_ACTIVE_API_KEYS);
    const refused = attempts.filter((attempt): attempt is PromiseRejectedResult => attempt.status === "rejected");
    expect(refused.map((attempt) => (attempt.reason as { code?: string }).code)).toEqual(Array(10).fill("conflict"));
    expect(await listApiKeys({ db, actor: eager })).toHaveLength(MAX_ACTIVE_API_KEYS);
  });
});

describe("listApiKeys and revokeApiKey", () => {
  it("lists only the caller's keys, without secrets; another user's key is 404", async () => {
    const mine = await createApiKey({ db, actor: other, input: { name: "Mine" }, now: NOW });
    const listed = await listApiKeys({ db, actor: other });
    expect(listed.map((key) => key.name)).toEqual(["Mine"]);
    expect(JSON.stringify(listed)).not.toContain(mine.key);
    expect((await listApiKeys({ db, actor: member })).map((key) => key.id)).not.toContain(mine.apiKey.id);

    await expectAppError(revokeApiKey({ db, actor: member, input: { id: mine.apiKey.id } }), "not_found", ["id"]);
    expect(await apiKeyActor(db, mine.key, NOW)).not.toBeNull();
  });

  it("revokes: the key stops resolving at once; revoking again changes nothing", async () => {
    const { apiKey, key } = await createApiKey({ db, actor: member, input: { name: "Temp" }, now: NOW });
    const revoked = await revokeApiKey({ db, actor: member, input: { id: apiKey.id }, now: later(5) });
    expect(revoked.revokedAt).toBe(later(5).toISOString());
    expect(await apiKeyActor(db, key, later(6))).toBeNull();
    const again = await revokeApiKey({ db, actor: member, input: { id: apiKey.id }, now: later(60) });
    expect(again.revokedAt).toBe(later(5).toISOString());
  });
});

describe("apiKeyActor", () => {
  it("acts as the key's user with their current role", async () => {
    const person = await addPerson(db, "member");
    const { key } = await createApiKey({ db, actor: person, input: { name: "Role check" }, now: NOW });
    expect(await apiKeyActor(db, key, NOW)).toEqual({ id: person.id, role: "member", email: person.email, name: person.name });
    await db.update(users).set({ role: "coach" }).where(eq(users.id, person.id));
    expect((await apiKeyActor(db, key, NOW))?.role).toBe("coach");
  });

  it("refuses an unknown key", async () => {
    expect(await apiKeyActor(db, `cb_${"A".repeat(43)}`, NOW)).toBeNull();
  });

  it("records last use at most once a minute", async () => {
    const { apiKey, key } = await createApiKey({ db, actor: member, input: { name: "Busy" }, now: NOW });
    const lastUsed = async () =>
      (await db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, apiKey.id)))[0]!.at?.toISOString();
    await apiKeyActor(db, key, later(1));
    expect(await lastUsed()).toBe(later(1).toISOString());
    await apiKeyActor(db, key, later(30));
    expect(await lastUsed()).toBe(later(1).toISOString());
    await apiKeyActor(db, key, later(61));
    expect(await lastUsed()).toBe(later(61).toISOString());
  });
});
