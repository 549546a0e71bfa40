import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    include: ["tests/**/*.test.ts"],
    // Builds the Next.js app once per run (only when stale) for tests/http.
    globalSetup: ["tests/helpers/global-setup.ts"],
    // Each test file gets its own database; PGlite start-up costs seconds.
    testTimeout: 30_000,
    // A server (tests/helpers/app-server.ts) may take over a minute to start on a loaded machine.
    hookTimeout: 180_000,
  },
});
