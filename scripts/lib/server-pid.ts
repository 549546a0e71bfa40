// Which process has a PGlite data directory open. PGlite allows one process
// per data directory, and a second one corrupts it or fails, so `npm start`
// writes `<data dir>.server.pid` (default .data/pglite.server.pid, beside the
// directory, never inside it: backups tar the directory) while it runs, and
// command-line tools that open the database (sessions:generate) refuse to
// while that file names a live process. A file left by a killed server names
// a dead process and counts as absent. PostgreSQL needs none of this.
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";

export interface ServerPidRecord {
  /** The npm start process. */
  pid: number;
  /** Its `next start` child, once spawned (it holds the database). */
  childPid?: number;
  port?: string;
  dataDir: string;
  startedAt: string;
}

/** Where the pid file of a PGlite data directory lives. */
export function serverPidFile(dataDir: string): string {
  return `${path.resolve(dataDir)}.server.pid`;
}

/** The record of a server that still runs on `dataDir`, or null (no file, unreadable, or every pid dead). */
export function liveServerOn(dataDir: string): ServerPidRecord | null {
  let record: ServerPidRecord;
  try {
    record = JSON.parse(readFileSync(serverPidFile(dataDir), "utf8")) as ServerPidRecord;
  } catch {
    return null;
  }
  const pids = [record.pid, record.childPid].filter((pid): pid is number => Number.isInteger(pid) && pid! > 0);
  return pids.some(isProcessAlive) ? record : null;
}

export function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Claims `dataDir` for this process: refuses (throws) when a live server
 * already has it, replaces a stale file. Returns `update` (add the child's
 * pid) and `release` (remove the file if it is still ours; also run on exit).
 */
export async function claimDataDirectory(
  dataDir: string,
  details: { port?: string } = {},
): Promise<{ update(changes: Partial<ServerPidRecord>): void; release(): void }> {
  const file = serverPidFile(dataDir);
  await mkdir(path.dirname(file), { recursive: true });
  const running = liveServerOn(dataDir);
  if (running && running.pid !== process.pid) {
    throw new Error(
      `Another server (pid ${running.pid}${running.port ? `, port ${running.port}` : ""}) already has the PGlite ` +
        `database ${dataDir} open (${file}). PGlite allows one process per data directory: stop it first.`,
    );
  }
  let record: ServerPidRecord = {
    pid: process.pid,
    ...details,
    dataDir: path.resolve(dataDir),
    startedAt: new Date().toISOString(),
  };
  writeFileSync(file, `${JSON.stringify(record)}\n`);

  const release = () => {
    try {
      const current = JSON.parse(readFileSync(file, "utf8")) as ServerPidRecord;
      if (current.pid === process.pid) unlinkSync(file);
    } catch {
      // Already gone.
    }
  };
  process.once("exit", release);
  return {
    update(changes) {
      record = { ...record, ...changes };
      writeFileSync(file, `${JSON.stringify(record)}\n`);
    },
    release,
  };
}
