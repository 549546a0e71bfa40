// better-auth's signing secret. BETTER_AUTH_SECRET wins. Without it, a local
// install (not on Vercel) generates one random secret on first start and keeps
// it in .data/auth-secret (mode 0600), so sessions survive restarts and a new
// user has nothing to configure. Without the variable it fails closed when
// hosted (VERCEL), and in production on PostgreSQL (NODE_ENV=production with
// DATABASE_URL): there several instances share one database, and a secret
// generated per host would sign each one's sessions differently.
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
  const missing = missingSecretReason(env);
  if (missing) throw new Error(missing);

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

/**
 * Why this environment must set BETTER_AUTH_SECRET itself (the message the
 * app and `npm start` refuse with), or null when a generated one will do.
 */
export function missingSecretReason(env: Record<string, string | undefined> = process.env): string | null {
  if (env.BETTER_AUTH_SECRET?.trim()) return null;
  if (env.VERCEL) return "BETTER_AUTH_SECRET is required in production (hosted on Vercel): set it in the project settings";
  if (env.NODE_ENV === "production" && env.DATABASE_URL?.trim()) {
    return (
      "BETTER_AUTH_SECRET is required in production with DATABASE_URL: every instance on that database " +
      "must sign sessions with the same secret. Set it, e.g. to the output of `openssl rand -base64 32`"
    );
  }
  return null;
}
