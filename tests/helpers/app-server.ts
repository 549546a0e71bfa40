// A real server on a free 127.0.0.1 port against a fresh, migrated
// database, for HTTP tests and the bench: scripts/server.cjs, the server
// `npm start` runs (Next.js behind the body size limit). PGlite: a new temporary data directory,
// migrated and seeded here, then handed to the server (one process per
// PGlite directory, so the test's handle is closed first). PostgreSQL (when
// DATABASE_URL is set): a new database on that server, dropped at stop().
// The build comes from vitest's globalSetup (tests/helpers/global-setup.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { hashPassword } from "better-auth/crypto";
import type { DatabaseOrTransaction } from "@/db";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { accounts, users, type UserRole } from "@/db/schema";
import { contractViolation } from "./api-contract";

export interface AppServer {
  baseUrl: string;
  /** The server process (its RSS and CPU are the bench's to read). */
  pid: number;
  kind: DatabaseHandle["kind"];
  /** fetch() relative to the server. */
  request(pathname: string, init?: RequestInit): Promise<Response>;
  /** Everything the server printed so far (shown when a test fails). */
  output(): string;
  stop(): Promise<void>;
}

export interface StartAppServerOptions {
  /** Runs on the migrated database before the server starts (e.g. create users). */
  prepare?: (handle: DatabaseHandle) => Promise<void>;
  /**
   * "unreachable": point the server at a PostgreSQL port nobody listens on.
   * An object: serve a database that already exists (the benchmarks'), left as it is at stop().
   */
  database?: "fresh" | "unreachable" | ExistingDatabase;
  /** Extra environment for the server (e.g. CRON_SECRET); `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** The /api/health status that means "started" (default 200; 503 for "unreachable"). */
  readyHealth?: number;
  /**
   * Check every answer of a documented operation against the API reference
   * (api-contract.ts); a mismatch rejects request(). Default true; the bench
   * turns it off, since it times request().
   */
  checkContract?: boolean;
}

/** A database the caller prepared: DATABASE_URL of a PostgreSQL database, or a PGlite data directory (closed by the caller). */
export type ExistingDatabase = { databaseUrl: string } | { pgliteDir: string };

// Generous: on a loaded shared machine a cold start has taken over a minute.
const READY_TIMEOUT_MS = 150_000;

export async function startAppServer(options: StartAppServerOptions = {}): Promise<AppServer> {
  const port = await freePort();
  const database =
    options.database === "unreachable"
      ? await unreachableDatabase()
      : typeof options.database === "object"
        ? existingDatabase(options.database)
        : await prepareDatabase(options.prepare);
  const baseUrl = `http://127.0.0.1:${port}`;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...database.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    BETTER_AUTH_URL: baseUrl,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
  };
  if (!database.env.DATABASE_URL) delete env.DATABASE_URL;
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }

  const child = spawnAppServer({ port, env });
  // A test process that ends without stop() (a hook timed out, a crash) must
  // not leave its server running: one once spun at 70 % CPU for an hour.
  const orphanGuard = () => child.kill("SIGKILL");
  process.once("exit", orphanGuard);
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));

  const server: AppServer = {
    baseUrl,
    pid: child.pid!,
    kind: database.kind,
    request: async (pathname, init) => {
      const url = new URL(pathname, baseUrl);
      const response = await fetch(url, init);
      if (options.checkContract === false) return response;
      const body = await response.clone().text();
      const problem = contractViolation(init?.method ?? "GET", url, response.status, response.headers.get("content-type"), body);
      if (problem) throw new Error(`API contract: ${problem}`);
      return response;
    },
    output: () => output,
    async stop() {
      process.removeListener("exit", orphanGuard);
      await stopProcess(child);
      await database.cleanup();
    },
  };

  try {
    // A server without its database still answers /api/health (with 503).
    await waitUntilReady(server, child, options.readyHealth ?? (options.database === "unreachable" ? 503 : 200));
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }
  return server;
}

/**
 * Signs in over HTTP as an API client does and answers the bearer token
 * (the `set-auth-token` header). A browser sends its Origin on POST, and
 * better-auth's CSRF check requires it, so this does too.
 */
export async function signInForToken(server: AppServer, email: string, password: string): Promise<string> {
  const response = await server.request("/api/auth/sign-in/email", {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.baseUrl },
    body: JSON.stringify({ email, password }),
  });
  const token = response.headers.get("set-auth-token");
  if (response.status !== 200 || !token) {
    throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}\n${server.output().slice(-2000)}`);
  }
  return token;
}

/** A users row with a role and a credential account, as `npm run user:create` makes them. */
export async function insertUserWithPassword(
  handle: DatabaseHandle,
  user: { email: string; name: string; role: UserRole; password: string },
): Promise<string> {
  const db: DatabaseOrTransaction = handle.db;
  const [row] = await db
    .insert(users)
    .values({ email: user.email, name: user.name, role: user.role, emailVerified: true })
    .returning({ id: users.id });
  await db.insert(accounts).values({
    userId: row!.id,
    accountId: row!.id,
    providerId: "credential",
    password: await hashPassword(user.password),
  });
  return row!.id;
}

interface PreparedDatabase {
  kind: DatabaseHandle["kind"];
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

async function prepareDatabase(prepare: StartAppServerOptions["prepare"]): Promise<PreparedDatabase> {
  if (process.env.DATABASE_URL) {
    // The test database handle drops the database when closed: keep it open
    // until the server has stopped. (Imported here: test-database needs vitest,
    // and the benchmarks start servers outside vitest.)
    const { createMigratedTestDatabase } = await import("./test-database");
    const handle = await createMigratedTestDatabase();
    try {
      await prepare?.(handle);
      const result = await handle.db.execute<{ name: string }>(sql`select current_database() as name`);
      const url = new URL(process.env.DATABASE_URL);
      url.pathname = `/${result.rows[0]!.name}`;
      return { kind: "postgres", env: { DATABASE_URL: url.toString() }, cleanup: () => handle.close() };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  const dataDir = await mkdtemp(path.join(tmpdir(), "coachbook-http-"));
  const cleanup = () => rm(dataDir, { recursive: true, force: true });
  try {
    const handle = await openDatabase({ databaseUrl: "", pgliteDataDir: dataDir });
    try {
      await migrateDatabase(handle);
      await prepare?.(handle);
    } finally {
      await handle.close();
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { kind: "pglite", env: { PGLITE_DIR: dataDir }, cleanup };
}

function existingDatabase(database: ExistingDatabase): PreparedDatabase {
  return "databaseUrl" in database
    ? { kind: "postgres", env: { DATABASE_URL: database.databaseUrl }, cleanup: async () => {} }
    : { kind: "pglite", env: { PGLITE_DIR: database.pgliteDir }, cleanup: async () => {} };
}

async function unreachableDatabase(): Promise<PreparedDatabase> {
  // A port that was free a moment ago: nothing accepts connections there.
  const port = await freePort();
  return {
    kind: "postgres",
    env: { DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/coachbook` },
    cleanup: async () => {},
  };
}

/** Starts scripts/server.cjs on 127.0.0.1:`port` (signals reach the server itself). Output is piped. */
export function spawnAppServer(options: { port: number; env: NodeJS.ProcessEnv }): ChildProcess {
  const script = path.join(process.cwd(), "scripts", "server.cjs");
  return spawn(process.execPath, [script, "--hostname", "127.0.0.1", "--port", String(options.port)], {
    cwd: process.cwd(),
    env: { ...options.env, NODE_OPTIONS: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitUntilReady(server: AppServer, child: ChildProcess, healthStatus: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited early (${child.exitCode ?? child.signalCode})`);
    }
    try {
      const response = await server.request("/api/health");
      if (response.status === healthStatus) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not answer /api/health within ${READY_TIMEOUT_MS} ms`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
