// The v1 schema fixture's DDL, shared by every test that starts from a v1
// database.
import { readFileSync } from "node:fs";

export const v1SchemaSql = readFileSync(new URL("../fixtures/v1-schema.sql", import.meta.url), "utf8");
