// The server the browser tests run against: the production build (built
// here when stale) on a new PGlite directory, migrated and seeded with the
// demo data, on 127.0.0.1:E2E_PORT. Playwright starts it and stops it; the
// directory is removed on the way out. With E2E_NOW (clock.ts) the seed and
// the server both run on the suite's shifted clock.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/server/demo-seed";
import { ensureBuild } from "../../scripts/lib/ensure-build";
import { clockOffsetMs, SHIFTED_CLOCK_PRELOAD, shiftThisProcess, suiteNow } from "./clock";

async function main(): Promise<void> {
  const port = process.env.E2E_PORT ?? "3310";
  await ensureBuild();
  // PGlite takes now() from this process's clock: the seed's rows (its
  // generation run's started_at) must be stamped on the suite's clock too.
  shiftThisProcess();
  const dataDir = mkdtempSync(path.join(tmpdir(), "coachbook-e2e-"));
  const handle = await openDatabase({ databaseUrl: "", pgliteDataDir: dataDir });
  try {
    await migrateDatabase(handle);
    await seedDemoData(handle.db, { now: suiteNow() });
  } finally {
    await handle.close();
  }

  // The production server npm start runs (body limit in front of Next).
  const server = path.join(process.cwd(), "scripts", "server.cjs");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: port,
    PGLITE_DIR: dataDir,
    BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
  };
  delete env.DATABASE_URL;
  if (clockOffsetMs() !== 0) {
    // NODE_OPTIONS rather than an argument of this spawn: it reaches any
    // process Next starts too.
    env.NODE_OPTIONS = [env.NODE_OPTIONS, `--require ${JSON.stringify(SHIFTED_CLOCK_PRELOAD)}`].filter(Boolean).join(" ");
    console.log(`serve: clock shifted to ${suiteNow().toISOString()} (E2E_NOW ${process.env.E2E_NOW ?? "from the offset"})`);
  }
  const child = spawn(process.execPath, [server, "--hostname", "127.0.0.1", "--port", port], { env, stdio: "inherit" });
  const stop = () => {
    child.kill("SIGTERM");
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  child.on("exit", (code) => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(code ?? 0);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
