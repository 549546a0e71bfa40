// One schema, however a database got there: a fresh install, an upgraded v1
// database, and the DDL drizzle-kit derives from src/db/schema.ts all end the
// same (the exclusion constraints, which Drizzle cannot express, aside).
import { generateDrizzleJson, generateMigration } from "drizzle-kit/api";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import * as schema from "@/db/schema";
import { describeSchema, type SchemaDescription } from "../helpers/schema-description";
import { createMigratedTestDatabase, createTestDatabase } from "../helpers/test-database";
import { v1SchemaSql } from "../helpers/v1-schema";

const v1DataSql = readFileSync(new URL("../fixtures/v1-data.sql", import.meta.url), "utf8");

let fresh: DatabaseHandle;
let upgraded: DatabaseHandle;
let freshSchema: SchemaDescription;

beforeAll(async () => {
  [fresh, upgraded] = await Promise.all([createMigratedTestDatabase(), createTestDatabase()]);
  await upgraded.exec(v1SchemaSql);
  await upgraded.exec(v1DataSql);
  await migrateDatabase(upgraded);
  freshSchema = await describeSchema(fresh);
});

afterAll(async () => {
  await Promise.all([fresh?.close(), upgraded?.close()]);
});

it("is the same on a fresh install and on an upgraded v1 database", async () => {
  expect(await describeSchema(upgraded)).toEqual(freshSchema);
});

it("has the exclusion constraints of invariants 1 and 8", () => {
  const exclusions = freshSchema.constraints.filter((c) => c.type === "x");
  expect(exclusions.map((c) => c.name)).toEqual([
    "class_enrolments_member_no_overlap",
    "training_sessions_coach_no_overlap",
    "training_sessions_member_no_overlap",
  ]);
});

it("matches src/db/schema.ts, so db:generate and db:push see no drift", async () => {
  const fromSchemaTs = await createTestDatabase();
  try {
    const statements = await generateMigration(generateDrizzleJson({}), generateDrizzleJson(schema));
    await fromSchemaTs.exec(statements.join(";\n"));
    const expected = await describeSchema(fromSchemaTs);
    const withoutExclusions = {
      ...freshSchema,
      constraints: freshSchema.constraints.filter((c) => c.type !== "x"),
      indexes: freshSchema.indexes.filter((i) => !/_no_overlap$/.test(String(i.indexname))),
    };
    expect(withoutExclusions).toEqual(expected);
  } finally {
    await fromSchemaTs.close();
  }
});
