// Loads .env files the way Next.js does (.env.$NODE_ENV.local, .env.local,
// .env.$NODE_ENV, .env; variables already set win), so that every script
// sees the DATABASE_URL that the server will see. Import it first: imports
// run in order, and modules below may read the environment when loaded.
import { loadEnvConfig } from "@next/env";

// Scripts serve or change the production database: production's files, as
// `next start` reads them (never .env.development).
loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
