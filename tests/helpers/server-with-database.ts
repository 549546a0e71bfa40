// A real server (app-server.ts) whose database the test can also read: on
// PostgreSQL the test keeps its own handle on the server's database; on
// PGlite (one process per data directory) withDatabase() stops the server,
// opens the directory, runs the work, closes it and starts the server again
// on the same directory — on a new port, so read `server` afresh after it
// (links written earlier carry the old origin: request their path and query).
// The auth secret stays the same across restarts, so sessions and signed
// links outlive them.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { startAppServer, type AppServer } from "./app-server";
import { createMigratedTestDatabase } from "./test-database";

export interface ServerWithDatabase {
  /** The running server (a new one after withDatabase() on PGlite). */
  readonly server: AppServer;
  withDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

export async function startServerWithDatabase(options: {
  prepare?: (handle: DatabaseHandle) => Promise<void>;
  env?: Record<string, string | undefined>;
}): Promise<ServerWithDatabase> {
  const env = { BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"), ...options.env };

  if (process.env.DATABASE_URL) {
    const handle = await createMigratedTestDatabase();
    try {
      await options.prepare?.(handle);
      const result = await handle.db.execute<{ name: string }>(sql`select current_database() as name`);
      const url = new URL(process.env.DATABASE_URL);
      url.pathname = `/${result.rows[0]!.name}`;
      const server = await startAppServer({ database: { databaseUrl: url.toString() }, env });
      return {
        server,
        withDatabase: (work) => work(handle),
        async stop() {
          await server.stop();
          await handle.close();
        },
      };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  const pgliteDir = await mkdtemp(path.join(tmpdir(), "coachbook-http-db-"));
  const open = async <T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> => {
    const handle = await openDatabase({ databaseUrl: "", pgliteDataDir: pgliteDir });
    try {
      return await work(handle);
    } finally {
      await handle.close();
    }
  };
  try {
    await open(async (handle) => {
      await migrateDatabase(handle);
      await options.prepare?.(handle);
    });
    let server: AppServer | undefined = await startAppServer({ database: { pgliteDir }, env });
    return {
      get server() {
        if (!server) throw new Error("the server is not running");
        return server;
      },
      async withDatabase(work) {
        await server?.stop();
        server = undefined;
        try {
          return await open(work);
        } finally {
          server = await startAppServer({ database: { pgliteDir }, env });
        }
      },
      async stop() {
        await server?.stop();
        server = undefined;
        await rm(pgliteDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(pgliteDir, { recursive: true, force: true });
    throw error;
  }
}

/** A link the server wrote, as a path and query to request on the server running now. */
export function pathOf(link: string): string {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}
