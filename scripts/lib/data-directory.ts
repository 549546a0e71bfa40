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

export async function prepareDataDirectory(): Promise<void> {
  const dataDir = pgliteDataDirectory();
  if (dataDir && !dataDir.includes("://")) {
    await mkdir(path.dirname(path.resolve(dataDir)), { recursive: true });
  }
}
