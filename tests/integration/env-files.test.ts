// The scripts read .env and .env.local as Next does: with DATABASE_URL (or
// PGLITE_DIR) only in a .env file, `npm run db:migrate` migrates that
// database, the one the server will serve (it used to migrate PGlite while
// the server served PostgreSQL). .env.local wins over .env, and a variable
// set in the environment wins over both. Each run is in a folder of its
// own holding the .env files (the working directory, as for npm scripts),
// with the repository's migrations linked in.
import { spawn } from "node:child_process";
import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { selectRows } from "@/db";
import { createScriptDatabase, type ScriptDatabase } from "../helpers/script-database";

const root = process.cwd();
const folders: string[] = [];
let database: ScriptDatabase | undefined;

afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
  await database?.close();
  database = undefined;
});

/** Runs scripts/db-migrate.ts in `cwd` with none of the database variables set, unless `env` sets them. */
function migrateIn(cwd: string, env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: "", TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json"), ...env };
  for (const name of ["DATABASE_URL", "PGLITE_DIR", "NODE_ENV"]) if (!(name in env)) delete childEnv[name];
  return new Promise((resolve, reject) => {
    // tsx by its path: it is resolved from the working directory otherwise.
    const tsx = pathToFileURL(path.join(root, "node_modules", "tsx", "dist", "loader.mjs")).href;
    const child = spawn(process.execPath, ["--import", tsx, path.join(root, "scripts", "db-migrate.ts")], { cwd, env: childEnv });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

async function newFolder(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "coachbook-env-"));
  folders.push(folder);
  await symlink(path.join(root, "drizzle"), path.join(folder, "drizzle"));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text);
  return folder;
}

async function isMigrated(target: ScriptDatabase): Promise<boolean> {
  const rows = await target.withDatabase((handle) =>
    selectRows<{ present: boolean }>(handle.db, sql`SELECT to_regclass('public.training_sessions') IS NOT NULL AS present`),
  );
  return rows[0]!.present;
}

/** The variable that names `target` (DATABASE_URL on PostgreSQL, PGLITE_DIR on PGlite), as a .env line. */
function envLine(target: ScriptDatabase): string {
  return target.env.DATABASE_URL ? `DATABASE_URL=${target.env.DATABASE_URL}` : `PGLITE_DIR=${target.env.PGLITE_DIR}`;
}

it("db:migrate migrates the database named only in .env", { timeout: 180_000 }, async () => {
  database = await createScriptDatabase({ migrated: false });
  const cwd = await newFolder({ ".env": `# the install's settings\n${envLine(database)}\n` });
  const run = await migrateIn(cwd);
  expect(run.code, run.output).toBe(0);
  expect(run.output).toMatch(database.env.DATABASE_URL ? /Database: PostgreSQL / : /Database: PGlite in /);
  expect(run.output).toMatch(/Applied \d+ migration\(s\)/);
  expect(await isMigrated(database)).toBe(true);
});

it(".env.local wins over .env, and the environment over both", { timeout: 300_000 }, async () => {
  database = await createScriptDatabase({ migrated: false });
  const nowhere = database.env.DATABASE_URL
    ? "DATABASE_URL=postgres://postgres@127.0.0.1:1/nowhere"
    : "PGLITE_DIR=./not-this-one/pglite";
  const cwd = await newFolder({ ".env": `${nowhere}\n`, ".env.local": `${envLine(database)}\n` });
  const run = await migrateIn(cwd);
  expect(run.code, run.output).toBe(0);
  expect(await isMigrated(database)).toBe(true);

  // Set in the environment: the files are not read for it.
  const [name, value] = envLine(database).split(/=(.*)/s) as [string, string];
  const overridden = await newFolder({ ".env": `${nowhere}\n`, ".env.local": `${nowhere}\n` });
  const again = await migrateIn(overridden, { [name]: value });
  expect(again.code, again.output).toBe(0);
  expect(again.output).toContain("no pending migration");
});
