// The SQL of one migration file, for tests that apply history step by step.
import { readFileSync } from "node:fs";
import path from "node:path";
import { MIGRATIONS_FOLDER } from "@/db/migrate";

export function migrationSql(tag: string): string {
  return readFileSync(path.join(MIGRATIONS_FOLDER, `${tag}.sql`), "utf8");
}
