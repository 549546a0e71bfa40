// The database goes away under a running app, then comes back: meanwhile
// /api/health answers 503 and the REST API 503, each with a clear JSON body
// and no stack trace; afterwards both recover by themselves, without a
// restart. PostgreSQL: the app reaches the server through a TCP proxy that
// the test closes (cutting every connection) and opens again. PGlite: the
// data directory cannot be opened (a file stands where it should be), then
// it can.
import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { createServer, connect, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { addPerson } from "../helpers/people";
import { createMigratedTestDatabase } from "../helpers/test-database";

const onPostgres = Boolean(process.env.DATABASE_URL);
const TOKEN = "outagetesttoken";

/** A TCP proxy to PostgreSQL that can be cut (every connection closed) and restored on the same port. */
class Proxy {
  private server: Server | undefined;
  private sockets = new Set<Socket>();
  port = 0;
  constructor(private target: { host: string; port: number }) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

let server: AppServer;
let handle: DatabaseHandle | undefined;
let proxy: Proxy | undefined;
let tempDir: string;
let dataDir: string;
/** Makes the database unreachable for the app, and reachable again. */
let outage: { begin(): Promise<void>; end(): Promise<void> };

async function addSignedInMember(db: DatabaseHandle["db"]): Promise<void> {
  const member = await addPerson(db, "member");
  await db.execute(sql`INSERT INTO sessions (token, user_id, expires_at) VALUES (${TOKEN}, ${member.id}, now() + interval '1 day')`);
}

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), "coachbook-outage-"));
  if (onPostgres) {
    handle = await createMigratedTestDatabase();
    await addSignedInMember(handle.db);
    const name = (await handle.db.execute<{ name: string }>(sql`select current_database() as name`)).rows[0]!.name;
    const real = new URL(process.env.DATABASE_URL!);
    proxy = new Proxy({ host: real.hostname, port: Number(real.port || 5432) });
    await proxy.open();
    const viaProxy = new URL(real);
    viaProxy.port = String(proxy.port);
    viaProxy.pathname = `/${name}`;
    server = await startAppServer({ database: { databaseUrl: viaProxy.toString() } });
    outage = { begin: () => proxy!.cut(), end: () => proxy!.open() };
  } else {
    dataDir = path.join(tempDir, "pglite");
    const prepared = await openDatabase({ databaseUrl: "", pgliteDataDir: dataDir });
    try {
      await migrateDatabase(prepared);
      await addSignedInMember(prepared.db);
    } finally {
      await prepared.close();
    }
    // The app opens its database on first use: start it while the directory is away.
    const away = path.join(tempDir, "pglite-away");
    await rename(dataDir, away);
    await writeFile(dataDir, "not a data directory");
    server = await startAppServer({ database: { pgliteDir: dataDir }, readyHealth: 503 });
    outage = {
      begin: async () => {},
      end: async () => {
        await rm(dataDir);
        await rename(away, dataDir);
      },
    };
  }
});

afterAll(async () => {
  await server?.stop();
  await proxy?.cut();
  await handle?.close();
  await rm(tempDir, { recursive: true, force: true });
});

const coaches = () => server.request("/api/v1/coaches", { headers: { authorization: `Bearer ${TOKEN}` } });

it("answers 503 with a clear body while the database is down, and recovers by itself when it is back", async () => {
  if (onPostgres) {
    // Up first: the pool holds live connections when the cut comes.
    expect((await server.request("/api/health")).status).toBe(200);
    expect((await coaches()).status).toBe(200);
  }
  await outage.begin();

  for (let attempt = 0; attempt < 3; attempt += 1) {
    const health = await server.request("/api/health");
    const healthText = await health.text();
    expect(health.status, healthText).toBe(503);
    expect(JSON.parse(healthText)).toEqual({ status: "error", database: server.kind, message: "Database unavailable" });

    const api = await coaches();
    const apiText = await api.text();
    expect(api.status, apiText).toBe(503);
    expect(JSON.parse(apiText)).toEqual({
      error: { code: "unavailable", message: "The database is unavailable; try again in a moment" },
    });
    for (const text of [healthText, apiText]) expect(text).not.toMatch(/ECONN|ENOTDIR|EEXIST|\bat \S+ \(|node_modules|postgres:\/\//);
  }

  await outage.end();
  let status = 0;
  for (let waited = 0; waited < 20_000 && status !== 200; waited += 250) {
    status = (await server.request("/api/health")).status;
    if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(status, server.output().slice(-3000)).toBe(200);
  const api = await coaches();
  expect(api.status, await api.clone().text()).toBe(200);
  // The server never died meanwhile.
  expect(server.output()).not.toMatch(/Unhandled|uncaught/i);
});
