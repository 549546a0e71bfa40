// `npm start` as an operator runs it (scripts/start.ts, on its own database):
// when its server process dies unexpectedly, the supervisor says so in the
// log and starts a new one, which serves again; SIGTERM to `npm start` stops
// the server for good, with no restart. And in production on PostgreSQL it
// refuses to start without BETTER_AUTH_SECRET, saying why.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/app-server";
import { createScriptDatabase, type ScriptDatabase } from "../helpers/script-database";

const WAIT_MS = 120_000;

let database: ScriptDatabase;
let start: ChildProcess | undefined;
let output = "";
let port: number;

beforeAll(async () => {
  database = await createScriptDatabase({ migrated: true });
  port = await freePort();
}, 120_000);

afterAll(async () => {
  if (start && start.exitCode === null && start.signalCode === null) {
    start.kill("SIGKILL");
  }
  await database?.close();
});

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n--- npm start output ---\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const serverPids = () => [...output.matchAll(/Coachbook: server process (\d+)/g)].map((match) => Number(match[1]));

async function healthy(): Promise<true | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    return response.status === 200 ? true : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("npm start's supervisor", () => {
  it("restarts a server that dies, says so in the log, and serves again", async () => {
    start = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: process.cwd(),
      env: {
        ...database.env,
        NODE_OPTIONS: "",
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        SEED_DEMO_DATA: "false",
        INTERNAL_SCHEDULER: "off",
        BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    start.stdout!.on("data", (chunk) => (output += chunk));
    start.stderr!.on("data", (chunk) => (output += chunk));

    const [first] = await waitFor("the first server", () => (serverPids().length === 1 ? serverPids() : undefined));
    await waitFor("the first server to answer", healthy);

    process.kill(first!, "SIGKILL");
    await waitFor("the restart line", () =>
      /Server: exited unexpectedly \(signal SIGKILL\); restarting in 1 s \(restart 1\)/.test(output) ? true : undefined,
    );
    const second = await waitFor("a second server", () => serverPids()[1]);
    expect(second).not.toBe(first);
    await waitFor("the second server to answer", healthy);
  }, 2 * WAIT_MS + 60_000);

  it("stops for good on SIGTERM: the server exits and is not started again", async () => {
    const current = serverPids().at(-1)!;
    const exited = new Promise<number | null>((resolve) => start!.once("exit", (code) => resolve(code)));
    start!.kill("SIGTERM");
    expect(await exited).toBe(0);
    await waitFor("the server to exit", () => (isAlive(current) ? undefined : true));
    expect(output.match(/restarting in/g)).toHaveLength(1);
    expect(serverPids()).toHaveLength(2);
  }, WAIT_MS + 10_000);
});

describe("npm start in production on PostgreSQL", () => {
  it("refuses to start without BETTER_AUTH_SECRET, before touching the database", async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_OPTIONS: "",
      // Nobody listens there: the refusal comes first.
      DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/nowhere`,
    };
    delete env.BETTER_AUTH_SECRET;
    const refused = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: process.cwd(), env, stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    refused.stdout.on("data", (chunk) => (text += chunk));
    refused.stderr.on("data", (chunk) => (text += chunk));
    const code = await new Promise<number | null>((resolve) => refused.once("exit", (exitCode) => resolve(exitCode)));
    expect(code).toBe(1);
    expect(text).toContain("BETTER_AUTH_SECRET is required in production with DATABASE_URL");
    expect(text).not.toContain("Database:");
  }, 60_000);
});
