// better-auth's signing secret. BETTER_AUTH_SECRET wins. Without it, a local
// install (not on Vercel) generates one random secret on first start and keeps
// it in .data/auth-secret (mode 0600), so sessions survive restarts and a new
// user has nothing to configure. Hosted without the variable, it fails closed.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SECRET_FILE = path.join(".data", "auth-secret");

export function resolveAuthSecret(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): string {
  const fromEnv = env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  if (env.VERCEL) throw new Error("BETTER_AUTH_SECRET is required in production");

  const file = path.join(cwd, SECRET_FILE);
  try {
    const stored = readFileSync(file, "utf8").trim();
    if (stored) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    // "wx": if two processes race, the first file written wins and both use it.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
  chmodSync(file, 0o600);
  return secret;
}
