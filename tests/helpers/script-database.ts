// A database of its own for tests that run command-line scripts against it
// (npm run sessions:generate, db:check): on PostgreSQL a fresh test database
// (kept open by the test, dropped at close()), on PGlite a data directory in
// a temporary folder (opened by the test only between script runs: one
// process per directory). `env` is what a script needs to open it.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createMigratedTestDatabase, createTestDatabase } from "./test-database";

export interface ScriptDatabase {
  env: NodeJS.ProcessEnv;
  /** Runs `work` on the database (PGlite: opens and closes the directory around it). */
  withDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function createScriptDatabase(options: { migrated: boolean; env?: Record<string, string> }): Promise<ScriptDatabase> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: "", ...options.env };
  if (process.env.DATABASE_URL) {
    const handle = options.migrated ? await createMigratedTestDatabase() : await createTestDatabase();
    const name = (await handle.db.execute<{ name: string }>(sql`select current_database() as name`)).rows[0]!.name;
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    return { env, withDatabase: (work) => work(handle), close: () => handle.close() };
  }
  const tempDir = await mkdtemp(path.join(tmpdir(), "coachbook-script-"));
  const dataDir = path.join(tempDir, "pglite");
  delete env.DATABASE_URL;
  env.PGLITE_DIR = dataDir;
  const withDatabase = async <T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> => {
    const handle = await openDatabase({ databaseUrl: "", pgliteDataDir: dataDir });
    try {
      return await work(handle);
    } finally {
      await handle.close();
    }
  };
  if (options.migrated) await withDatabase((handle) => migrateDatabase(handle));
  return { env, withDatabase, close: () => rm(tempDir, { recursive: true, force: true }) };
}

export interface ScriptResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a TypeScript script with node itself and tsx's loader — not the tsx
 * wrapper, which runs node as a child of its own, so a signal sent to it
 * would not reach the process that writes. `kill` sends a signal once the
 * output first matches.
 */
export function runScript(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  kill?: { after: RegExp; signal: NodeJS.Signals },
): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: process.cwd(), env });
    let stdout = "";
    let stderr = "";
    let sent = false;
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (kill && !sent && kill.after.test(stdout)) sent = child.kill(kill.signal);
    });
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
