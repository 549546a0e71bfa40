// Backup and restore of the whole database, for both engines.
//
// PostgreSQL (DATABASE_URL): `pg_dump --clean --if-exists --no-owner` to a
// plain SQL file; restore runs it with `psql --single-transaction` and
// ON_ERROR_STOP, so a restore that fails part-way leaves the database as it
// was. Before running psql, the file must be a complete pg_dump: a truncated
// copy would otherwise restore whatever rows it still holds.
//
// PGlite: the data directory itself, as PGlite's own tarball
// (`dumpDataDir("gzip")`). Restore loads it (`loadDataDir`) into a new sibling
// directory, checks that it opens and answers, and only then swaps it in; the
// old directory is renamed, never deleted. A PGlite data directory can be open
// in one process only, and nothing locks it: the app must be stopped first.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { openPglite, type DatabaseKind, type DatabaseLocation } from "./client";

/** A backup or restore that cannot go ahead; its message says why and what to do. */
export class BackupError extends Error {
  override name = "BackupError";
}

export interface BackupResult {
  kind: DatabaseKind;
  file: string;
  bytes: number;
}

export type RestoreResult =
  | { kind: "postgres"; file: string }
  | {
      kind: "pglite";
      file: string;
      dataDir: string;
      /** The data directory as it was before the restore (renamed, kept), or null if there was none. */
      previousDataDir: string | null;
    };

export const DEFAULT_BACKUP_DIR = "backups";

/** How every plain pg_dump file starts, and the line it ends with when complete. */
const DUMP_HEADER = "--\n-- PostgreSQL database dump\n";
const DUMP_FOOTER = "-- PostgreSQL database dump complete";
const GZIP_MAGIC = "\x1f\x8b";

/** "20260105T093000Z": sorts by time and is safe in file names. */
export function utcStamp(now = new Date()): string {
  return now.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

/** backups/coachbook-<kind>-<UTC timestamp>.sql (PostgreSQL) or .tar.gz (PGlite). */
export function defaultBackupFile(kind: DatabaseKind, now = new Date(), dir = DEFAULT_BACKUP_DIR): string {
  return path.join(dir, `coachbook-${kind}-${utcStamp(now)}.${kind === "postgres" ? "sql" : "tar.gz"}`);
}

/**
 * True when the PGlite data directory holds a postmaster.pid: PGlite writes it
 * on open and removes it on a clean close, so it is there while another process
 * has the directory open, or after a process that had it open was killed.
 */
export function pgliteDirectoryMayBeOpen(dataDir: string): boolean {
  return existsSync(path.join(dataDir, "postmaster.pid"));
}

export async function backupDatabase(
  location: DatabaseLocation,
  options: { outFile?: string; now?: Date } = {},
): Promise<BackupResult> {
  const file = path.resolve(options.outFile ?? defaultBackupFile(location.kind, options.now));
  await mkdir(path.dirname(file), { recursive: true });
  // Written under another name first, so a failed backup never leaves a file
  // that looks like a good one.
  const partial = `${file}.partial`;
  try {
    if (location.kind === "postgres") await dumpPostgres(location.databaseUrl, partial);
    else await dumpPglite(location.dataDir, partial);
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
  return { kind: location.kind, file, bytes: (await stat(file)).size };
}

export async function restoreDatabase(location: DatabaseLocation, backupFile: string): Promise<RestoreResult> {
  const file = path.resolve(backupFile);
  if (!existsSync(file)) throw new BackupError(`Backup file not found: ${file}. Nothing was changed.`);
  if (location.kind === "postgres") {
    await restorePostgres(location.databaseUrl, file);
    return { kind: "postgres", file };
  }
  return { kind: "pglite", file, ...(await restorePglite(location.dataDir, file)) };
}

// ── PostgreSQL ────────────────────────────────────────────────────────────

async function dumpPostgres(databaseUrl: string, outFile: string): Promise<void> {
  const target = libpqTarget(databaseUrl);
  await runClientTool(
    "pg_dump",
    ["--clean", "--if-exists", "--no-owner", "--format=plain", `--file=${outFile}`, `--dbname=${target.dbname}`],
    target.env,
  );
  const { footer } = await readEnds(outFile);
  if (!footer.includes(DUMP_FOOTER)) throw new BackupError(`pg_dump ended without finishing ${outFile}.`);
}

const CLEAR_SCHEMAS_SQL =
  "DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;";

async function restorePostgres(databaseUrl: string, file: string): Promise<void> {
  const { header, footer } = await readEnds(file);
  if (header.startsWith(GZIP_MAGIC) || header.slice(257, 262) === "ustar") {
    throw new BackupError(
      `${file} is a PGlite backup (a data directory tarball), not a PostgreSQL one: restore it with DATABASE_URL unset. Nothing was changed.`,
    );
  }
  if (!header.startsWith(DUMP_HEADER)) {
    throw new BackupError(
      `${file} is not a plain-SQL pg_dump backup (it does not start with "-- PostgreSQL database dump"). Nothing was changed.`,
    );
  }
  if (!footer.includes(DUMP_FOOTER)) {
    throw new BackupError(
      `${file} is incomplete: it lacks pg_dump's closing "${DUMP_FOOTER}" line (a truncated copy?). Nothing was changed.`,
    );
  }
  const target = libpqTarget(databaseUrl);
  try {
    await runClientTool(
      "psql",
      [
        "--no-psqlrc",
        "--quiet",
        "--single-transaction",
        "-v",
        "ON_ERROR_STOP=1",
        // pg_dump --clean drops only what the dump holds. A backup taken before
        // an upgrade must also remove what the upgrade added (tables, renamed
        // constraints, drizzle's bookkeeping), so the restore starts from empty
        // schemas, inside the same transaction as the dump.
        `--command=${CLEAR_SCHEMAS_SQL}`,
        `--file=${file}`,
        `--dbname=${target.dbname}`,
      ],
      target.env,
    );
  } catch (error) {
    if (!(error instanceof ClientToolFailed)) throw error;
    throw new BackupError(
      `psql stopped at an error and rolled back its single transaction: the database is as it was.\n${error.output}`,
    );
  }
}

/** The URL without its password, which goes to libpq through PGPASSWORD instead of the process list. */
function libpqTarget(databaseUrl: string): { dbname: string; env: Record<string, string> } {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return { dbname: databaseUrl, env: {} };
  }
  const password = decodeURIComponent(url.password);
  url.password = "";
  return { dbname: url.toString(), env: password ? { PGPASSWORD: password } : {} };
}

class ClientToolFailed extends Error {
  constructor(
    readonly tool: string,
    readonly output: string,
  ) {
    super(`${tool} failed:\n${output}`);
  }
}

function runClientTool(tool: "pg_dump" | "psql", args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "ENOENT"
          ? new BackupError(
              `${tool} was not found on PATH. Install the PostgreSQL client tools, at least as new as the server ` +
                `(Debian/Ubuntu: apt-get install postgresql-client; macOS: brew install libpq). Nothing was changed.`,
            )
          : error,
      );
    });
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new ClientToolFailed(tool, stderr.trim() || `${tool} exited with ${signal ?? `code ${code}`}`));
    });
  });
}

/** The first 512 bytes and the last 4 KiB of a file, as text. */
async function readEnds(file: string): Promise<{ header: string; footer: string }> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(512, size));
    await handle.read(head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(4096, size));
    await handle.read(tail, 0, tail.length, size - tail.length);
    return { header: head.toString("latin1"), footer: tail.toString("latin1") };
  } finally {
    await handle.close();
  }
}

// ── PGlite ────────────────────────────────────────────────────────────────

function hasPgliteDatabase(dataDir: string): boolean {
  return existsSync(path.join(dataDir, "PG_VERSION"));
}

async function dumpPglite(dataDir: string, outFile: string): Promise<void> {
  if (!hasPgliteDatabase(dataDir)) {
    throw new BackupError(
      `No PGlite database in ${path.resolve(dataDir)} (set PGLITE_DIR, or DATABASE_URL for PostgreSQL).`,
    );
  }
  const pglite = await openPglite(dataDir);
  try {
    const tarball = await pglite.dumpDataDir("gzip");
    await writeFile(outFile, Buffer.from(await tarball.arrayBuffer()));
  } finally {
    await pglite.close();
  }
}

async function restorePglite(
  dataDir: string,
  file: string,
): Promise<{ dataDir: string; previousDataDir: string | null }> {
  const bytes = await readFile(file);
  const start = bytes.subarray(0, 512).toString("latin1");
  if (start.startsWith(DUMP_HEADER) || start.startsWith("--")) {
    throw new BackupError(
      `${file} is a PostgreSQL (pg_dump) backup, not a PGlite one: restore it with DATABASE_URL set. Nothing was changed.`,
    );
  }
  const target = path.resolve(dataDir);
  const stamp = utcStamp();
  const staging = `${target}.restoring-${stamp}`;
  const previous = `${target}.before-restore-${stamp}`;
  if (existsSync(staging) || existsSync(previous)) {
    throw new BackupError(`${staging} or ${previous} already exists; try again in a second. Nothing was changed.`);
  }
  await mkdir(path.dirname(target), { recursive: true });

  try {
    const pglite = await openPglite(staging, new Blob([bytes]));
    try {
      await pglite.query("select 1");
    } finally {
      await pglite.close();
    }
    if (!hasPgliteDatabase(staging)) throw new Error("no data directory was written");
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new BackupError(
      `${file} could not be loaded as a PGlite data directory (${reason}). Nothing was changed.`,
    );
  }

  const hadDatabase = existsSync(target);
  if (hadDatabase) await rename(target, previous);
  try {
    await rename(staging, target);
  } catch (error) {
    if (hadDatabase) await rename(previous, target);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return { dataDir: target, previousDataDir: hadDatabase ? previous : null };
}
