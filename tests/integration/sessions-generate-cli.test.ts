// `npm run sessions:generate` as a user runs it: the real script under tsx,
// against a fresh database of its own (a PGlite data directory, or a new
// database on the PostgreSQL server when DATABASE_URL is set). Exit codes,
// the summary and progress lines, the recorded run (trigger "cli"), bad
// arguments naming the option, and — PGlite only — the refusal while
// `npm start` has the data directory open (a live pid file), but not for a
// stale one.
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { desc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseOrTransaction } from "@/db";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { sessionGenerationRuns } from "@/db/schema";
import { serverPidFile } from "../../scripts/lib/server-pid";
import { ALL_WEEK, addPerson, addSeries, addWeeklyRules } from "../helpers/people";
import { createMigratedTestDatabase } from "../helpers/test-database";

const onPostgres = Boolean(process.env.DATABASE_URL);
let tempDir: string;
let dataDir: string;
/** PostgreSQL: kept open (dropped at the end). PGlite: opened only between CLI runs. */
let serverHandle: DatabaseHandle | undefined;
let cliEnv: NodeJS.ProcessEnv;

async function withDatabase<T>(work: (db: DatabaseOrTransaction) => Promise<T>): Promise<T> {
  if (serverHandle) return work(serverHandle.db);
  const handle = await openDatabase({ databaseUrl: "", pgliteDataDir: dataDir });
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

async function addCalendar(db: DatabaseOrTransaction): Promise<void> {
  const coach = await addPerson(db, "coach", { timezone: "UTC" });
  await addWeeklyRules(db, coach.id, ALL_WEEK);
  // Three weekly series from Wednesday 2027-03-03: two occurrences each in two weeks.
  for (const startTime of ["09:00", "11:00", "13:00"]) {
    const member = await addPerson(db, "member");
    await addSeries(db, {
      memberId: member.id,
      coachId: coach.id,
      dayOfWeek: 3,
      startTime,
      endTime: `${String(Number(startTime.slice(0, 2)) + 1).padStart(2, "0")}:00`,
      startDate: "2027-03-03",
    });
  }
}

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), "coachbook-cli-"));
  dataDir = path.join(tempDir, "pglite");
  const env: NodeJS.ProcessEnv = { ...process.env, BUSINESS_TIMEZONE: "UTC" };
  delete env.SESSION_HORIZON_WEEKS;
  delete env.NODE_OPTIONS;
  if (onPostgres) {
    serverHandle = await createMigratedTestDatabase();
    await addCalendar(serverHandle.db);
    const result = await serverHandle.db.execute<{ name: string }>(sql`select current_database() as name`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${result.rows[0]!.name}`;
    env.DATABASE_URL = url.toString();
  } else {
    const handle = await openDatabase({ databaseUrl: "", pgliteDataDir: dataDir });
    try {
      await migrateDatabase(handle);
      await addCalendar(handle.db);
    } finally {
      await handle.close();
    }
    delete env.DATABASE_URL;
    env.PGLITE_DIR = dataDir;
  }
  cliEnv = env;
});

afterAll(async () => {
  await serverHandle?.close();
  await rm(tempDir, { recursive: true, force: true });
});

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(...args: string[]): Promise<CliResult> {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ["scripts/sessions-generate.ts", ...args], { cwd: process.cwd(), env: cliEnv });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

const explain = (result: CliResult) => `exit ${result.code}\n--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`;

async function runs() {
  return withDatabase((db) => db.select().from(sessionGenerationRuns).orderBy(desc(sessionGenerationRuns.startedAt)));
}

describe("npm run sessions:generate", () => {
  it("generates, prints a one-line summary, exits 0 and records a cli run", async () => {
    const result = await runCli("--weeks", "2", "--now", "2027-03-01T00:00:00Z");
    expect(result.code, explain(result)).toBe(0);
    expect(result.stdout).toMatch(/^Done: created 6, conflicts 0, completed 0 in \d+ ms \(run [\w-]+\)$/m);
    // One batch: no progress lines.
    expect(result.stdout).not.toMatch(/series \d+\/\d+/);

    const [run] = await runs();
    expect(run).toMatchObject({ trigger: "cli", status: "succeeded", weeksAhead: 2, createdCount: 6, requestedBy: null });
    expect(result.stdout).toContain(run!.id);
  });

  it("prints a progress line per batch when there is more than one, and creates nothing twice", async () => {
    const result = await runCli("--weeks", "3", "--now", "2027-03-01T00:00:00Z", "--batch-size", "2");
    expect(result.code, explain(result)).toBe(0);
    // Batches of two within each lane (series split by a hash of their id): two or three lines.
    expect(result.stdout.match(/series [12]\/3, created [12], conflicts 0/g)?.length).toBeGreaterThanOrEqual(1);
    expect(result.stdout).toMatch(/series 3\/3, created 3, conflicts 0/);
    expect(result.stdout).toMatch(/^Done: created 3, conflicts 0, completed 0 in \d+ ms/m);
  });

  it("defaults to SESSION_HORIZON_WEEKS", async () => {
    const result = await runCli("--now", "2027-03-01T00:00:00Z");
    expect(result.code, explain(result)).toBe(0);
    expect(result.stdout).toContain("6 week(s) ahead");
    expect((await runs())[0]).toMatchObject({ trigger: "cli", weeksAhead: 6 });
  });

  it("refuses --weeks 0, 53, six, 2.5 and empty with exit 2, naming --weeks, and writes nothing", async () => {
    const before = (await runs()).length;
    const results = await Promise.all(["0", "53", "six", "2.5", ""].map((weeks) => runCli("--weeks", weeks)));
    for (const result of results) {
      expect(result.code, explain(result)).toBe(2);
      expect(result.stderr).toMatch(/^--weeks: must be a whole number from 1 to 52/m);
    }
    expect((await runs()).length).toBe(before);
  });

  it("refuses a bad --now and an unknown option with exit 2", async () => {
    const [badNow, unknown] = await Promise.all([runCli("--weeks", "2", "--now", "2027-03-01"), runCli("--week", "2")]);
    expect(badNow.code, explain(badNow)).toBe(2);
    expect(badNow.stderr).toMatch(/^--now: /m);
    expect(unknown.code, explain(unknown)).toBe(2);
    expect(unknown.stderr).toContain("--week");
  });
});

describe("while npm start has the data directory open (a live pid file)", () => {
  it("PGlite refuses (exit 1, pointing to the admin endpoint, writing nothing); PostgreSQL has no such limit and runs", async () => {
    const before = (await runs()).length;
    // This test process stands in for a running server: its pid is alive.
    await writeFile(
      serverPidFile(dataDir),
      JSON.stringify({ pid: process.pid, port: "4321", dataDir, startedAt: new Date().toISOString() }),
    );
    if (onPostgres) {
      try {
        const result = await runCli("--weeks", "2", "--now", "2027-03-01T00:00:00Z");
        expect(result.code, explain(result)).toBe(0);
      } finally {
        await rm(serverPidFile(dataDir), { force: true });
      }
      expect((await runs()).length).toBe(before + 1);
      return;
    }
    try {
      const result = await runCli("--weeks", "2");
      expect(result.code, explain(result)).toBe(1);
      expect(result.stderr).toContain(`pid ${process.pid}`);
      expect(result.stderr).toContain("PGlite allows one process per data directory");
      expect(result.stderr).toContain("http://localhost:4321/api/admin/generate-sessions");
    } finally {
      await rm(serverPidFile(dataDir), { force: true });
    }
    expect((await runs()).length).toBe(before);
  });

  it("ignores a stale pid file left by a server that was killed", async () => {
    const gone = spawn(process.execPath, ["-e", ""]);
    const pid = gone.pid!;
    await new Promise((resolve) => gone.on("exit", resolve));
    await writeFile(serverPidFile(dataDir), JSON.stringify({ pid, dataDir, startedAt: new Date().toISOString() }));
    try {
      const result = await runCli("--weeks", "2", "--now", "2027-03-01T00:00:00Z");
      expect(result.code, explain(result)).toBe(0);
      expect(result.stdout).toMatch(/^Done: created 0, /m);
    } finally {
      await rm(serverPidFile(dataDir), { force: true });
    }
  });
});
