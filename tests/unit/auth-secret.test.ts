// The auth secret: BETTER_AUTH_SECRET wins; a local install generates one and
// keeps it (mode 0600); hosted on Vercel, or in production on PostgreSQL
// (where several instances share the database), without the variable it
// fails closed with a message that says what to set.
import { mkdtemp, rm, stat, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { missingSecretReason, resolveAuthSecret, SECRET_FILE } from "@/auth/secret";

let cwd: string;

beforeEach(async () => {
  cwd = await mkdtemp(path.join(tmpdir(), "coachbook-secret-"));
});

afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

it("uses BETTER_AUTH_SECRET when it is set", () => {
  expect(resolveAuthSecret({ BETTER_AUTH_SECRET: "from-env", VERCEL: "1" }, cwd)).toBe("from-env");
});

it("generates a secret once on a local install, private to its owner, and reuses it", async () => {
  const first = resolveAuthSecret({}, cwd);
  expect(Buffer.from(first, "base64url")).toHaveLength(32);
  const file = path.join(cwd, SECRET_FILE);
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  expect((await readFile(file, "utf8")).trim()).toBe(first);
  expect(resolveAuthSecret({}, cwd)).toBe(first);
});

it("refuses to start on Vercel without BETTER_AUTH_SECRET", () => {
  expect(() => resolveAuthSecret({ VERCEL: "1" }, cwd)).toThrow(
    "BETTER_AUTH_SECRET is required in production",
  );
});

it("refuses to start in production with DATABASE_URL and no BETTER_AUTH_SECRET, saying what to set", () => {
  const env = { NODE_ENV: "production", DATABASE_URL: "postgres://db.example/coachbook" };
  expect(() => resolveAuthSecret(env, cwd)).toThrow(/BETTER_AUTH_SECRET is required in production with DATABASE_URL/);
  expect(missingSecretReason(env)).toMatch(/every instance on that database must sign sessions with the same secret/);
  expect(missingSecretReason({ ...env, BETTER_AUTH_SECRET: " " })).not.toBeNull();
  expect(missingSecretReason({ ...env, BETTER_AUTH_SECRET: "set" })).toBeNull();
});

it("keeps the generated secret for PGlite in production, and for PostgreSQL outside production", () => {
  expect(missingSecretReason({ NODE_ENV: "production" })).toBeNull();
  expect(missingSecretReason({ NODE_ENV: "production", DATABASE_URL: "" })).toBeNull();
  expect(missingSecretReason({ NODE_ENV: "development", DATABASE_URL: "postgres://localhost/dev" })).toBeNull();
  expect(missingSecretReason({ NODE_ENV: "test", DATABASE_URL: "postgres://localhost/test" })).toBeNull();
  expect(Buffer.from(resolveAuthSecret({ NODE_ENV: "production" }, cwd), "base64url")).toHaveLength(32);
});
