// Builds the Next.js app only when it is missing or out of date, so `npm start`
// and the HTTP tests never serve a stale build and never rebuild needlessly.
// "Out of date" is decided by a hash of the build inputs, not by mtimes: on a
// fresh clone every file has the same mtime. Several processes (parallel test
// files, a start script) may call this at once; a lock directory makes the
// second one wait for the first build instead of building over it.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

const root = process.cwd();
const nextDir = path.join(root, ".next");
const buildIdFile = path.join(nextDir, "BUILD_ID");
const stampFile = path.join(nextDir, "coachbook-build-stamp");
// Outside .next, because `next build` empties .next when it starts.
const lockDir = path.join(root, ".data", "next-build.lock");

const inputDirs = ["src"];
const inputFiles = [
  "next.config.ts",
  "next.config.mjs",
  "next.config.js",
  "postcss.config.mjs",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
];

const LOCK_POLL_MS = 500;
const LOCK_TIMEOUT_MS = 15 * 60_000;

export async function ensureBuild(): Promise<void> {
  if (await isBuildCurrent(await hashBuildInputs())) return;
  await withBuildLock(async () => {
    // Another process may have built while this one waited for the lock.
    const hash = await hashBuildInputs();
    if (await isBuildCurrent(hash)) return;
    await runNextBuild();
    await writeFile(stampFile, `${hash}\n`);
  });
}

async function isBuildCurrent(hash: string): Promise<boolean> {
  if (!existsSync(buildIdFile)) return false;
  try {
    return (await readFile(stampFile, "utf8")).trim() === hash;
  } catch {
    return false;
  }
}

async function hashBuildInputs(): Promise<string> {
  const files: string[] = [];
  for (const dir of inputDirs) files.push(...(await listFiles(path.join(root, dir))));
  for (const file of inputFiles) {
    const full = path.join(root, file);
    if (existsSync(full)) files.push(full);
  }
  files.sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update("\0");
    hash.update(await readFile(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function runNextBuild(): Promise<void> {
  const nextBin = path.join(root, "node_modules", ".bin", "next");
  return new Promise((resolve, reject) => {
    const child = spawn(nextBin, ["build"], {
      cwd: root,
      stdio: "inherit",
      // next build needs NODE_ENV=production; test runners set it to "test".
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`next build failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

async function withBuildLock(work: () => Promise<void>): Promise<void> {
  await mkdir(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (await isLockStale()) {
        await rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`Timed out waiting for another next build (lock: ${lockDir})`);
      }
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
  }
  try {
    await writeFile(path.join(lockDir, "pid"), String(process.pid));
    await work();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

/** A lock whose owner process is gone (killed mid-build) is stale. */
async function isLockStale(): Promise<boolean> {
  let pid: number;
  try {
    pid = Number((await readFile(path.join(lockDir, "pid"), "utf8")).trim());
  } catch {
    // The owner writes its pid right after taking the lock; a lock still
    // without one after a while belongs to a process killed in between.
    try {
      return Date.now() - (await stat(lockDir)).mtimeMs > 30_000;
    } catch {
      return false;
    }
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
