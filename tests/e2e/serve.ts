// The server the browser tests run against: the production build (built
// here when stale) on a new PGlite directory, migrated and seeded with the
// demo data, on 127.0.0.1:E2E_PORT. Playwright starts it and stops it; the
// directory is removed on the way out.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/db/seed";
import { ensureBuild } from "../../scripts/lib/ensure-build";

async function main(): Promise<void> {
  const port = process.env.E2E_PORT ?? "3310";
  await ensureBuild();
  const dataDir = mkdtempSync(path.join(tmpdir(), "coachbook-e2e-"));
  const handle = await openDatabase({ databaseUrl: "", pgliteDataDir: dataDir });
  try {
    await migrateDatabase(handle);
    await seedDemoData(handle.db);
  } finally {
    await handle.close();
  }

  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
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
  const child = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", port], { env, stdio: "inherit" });
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
