// drizzle-kit configuration for `npm run db:generate` and `npm run db:push`.
// Migrations are applied by `npm run db:migrate` (src/db/migrate.ts), not by
// drizzle-kit, because drizzle-kit cannot load btree_gist into PGlite.
import { defineConfig } from "drizzle-kit";

const databaseUrl = process.env.DATABASE_URL;

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema.ts",
  out: "./drizzle",
  ...(databaseUrl
    ? { dbCredentials: { url: databaseUrl } }
    : { driver: "pglite", dbCredentials: { url: process.env.PGLITE_DIR ?? ".data/pglite" } }),
});
