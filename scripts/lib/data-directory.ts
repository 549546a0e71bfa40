// PGlite creates its data directory but not the parents (.data/ on a fresh
// clone), so the command-line entry points create them first.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { currentDatabaseLocation } from "@/db/client";

/** The PGlite data directory in use, or null when DATABASE_URL names a server. */
export function pgliteDataDirectory(): string | null {
  const location = currentDatabaseLocation();
  return location.kind === "pglite" ? location.dataDir : null;
}

/** The PGlite data directory when it is a folder on disk (not memory:// or idb://), else null. */
export function pgliteDirectoryOnDisk(): string | null {
  const dataDir = pgliteDataDirectory();
  return dataDir && !dataDir.includes("://") ? dataDir : null;
}

export async function prepareDataDirectory(): Promise<void> {
  const dataDir = pgliteDirectoryOnDisk();
  if (dataDir) {
    await mkdir(path.dirname(path.resolve(dataDir)), { recursive: true });
  }
}
