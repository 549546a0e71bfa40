// The production server's entry point: `npm start` runs it supervised
// (scripts/start.ts), the HTTP tests and the bench start it too
// (tests/helpers/app-server.ts). Alone: node scripts/server.cjs [--port N] [--hostname H]
//
// Plain JavaScript so that Node loads Next.js without tsx's hooks (with tsx
// registered for the whole process, every module Next loads goes through
// its transform check); only our TypeScript (scripts/lib/serve.ts and what
// it imports) goes through tsx, by its namespaced require.
"use strict";
const { require: tsxRequire } = require("tsx/cjs/api");

// Next's production server; set before Next is loaded, which reads it.
process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const { serve } = tsxRequire("./lib/serve.ts", __filename);
serve(require("next"), process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
