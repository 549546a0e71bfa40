// The auth secret: BETTER_AUTH_SECRET wins; a local install generates one and
// keeps it (mode 0600); hosted on Vercel without the variable, it fails closed.
import { mkdtemp, rm, stat, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { resolveAuthSecret, SECRET_FILE } from "@/auth/secret";

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
