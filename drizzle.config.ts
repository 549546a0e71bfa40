// drizzle-kit configuration for `npm run db:generate` and `npm run db:push`.
// Migrations are applied by `npm run db:migrate` (src/db/migrate.ts), not by
// drizzle-kit, because drizzle-kit cannot load btree_gist into PGlite.
// The .env files are read as Next and the scripts read them, so all three
// work on the same database.
import { loadEnvConfig } from "@next/env";
import { defineConfig } from "drizzle-kit";

loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

const databaseUrl = process.env.DATABASE_URL;

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema.ts",
  out: "./drizzle",
  ...(databaseUrl
    ? { dbCredentials: { url: databaseUrl } }
    : { driver: "pglite", dbCredentials: { url: process.env.PGLITE_DIR ?? ".data/pglite" } }),
});
