// Which database a command-line entry point works on, for its first line of
// output: the PGlite data directory, or the PostgreSQL server and database
// from DATABASE_URL without its password.
import path from "node:path";
import { pgliteDataDirectory } from "./data-directory";

export function databaseLabel(): string {
  const dataDir = pgliteDataDirectory();
  if (dataDir) return `PGlite in ${dataDir}`;
  return `PostgreSQL ${postgresLabel(process.env.DATABASE_URL ?? "")}`;
}

export function postgresLabel(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
  } catch {
    return "(DATABASE_URL)";
  }
}

/** A path relative to the working directory when inside it, else absolute. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : path.resolve(file);
}
