// The v1 schema fixture (the starting point of the upgrade tests) must load
// as-is on both engines, with every table and enum issue 2 lists.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "../helpers/test-database";
import { v1SchemaSql } from "../helpers/v1-schema";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  await handle.exec(v1SchemaSql);
});

afterAll(async () => {
  await handle?.close();
});

it("creates every v1 table and enum", async () => {
  const tables = await handle.db.execute(
    sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  expect(tables.rows.map((row) => row.table_name)).toEqual([
    "accounts", "blocked_slots", "bookings", "coach_availabilities", "coach_members",
    "coach_settings", "locations", "member_notes", "memberships", "payments", "rooms",
    "sessions", "training_sessions", "users", "verifications", "weekly_availability",
  ]);
  const enums = await handle.db.execute(
    sql`SELECT t.typname, array_to_string(array_agg(e.enumlabel ORDER BY e.enumsortorder), ',') AS labels
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`,
  );
  expect(enums.rows).toEqual([
    { typname: "booking_status", labels: "CONFIRMED,CANCELLED_BY_MEMBER,CANCELLED_BY_COACH,NO_SHOW,WAITLIST" },
    { typname: "membership_type", labels: "PACK,SUBSCRIPTION,SINGLE" },
    { typname: "payment_status", labels: "PENDING,PAID,FAILED,REFUNDED" },
    { typname: "session_status", labels: "PLANNED,CANCELLED,COMPLETED" },
    { typname: "session_type", labels: "ONE_TO_ONE,GROUP" },
  ]);
});

it("stores v1 instants as timestamp without time zone", async () => {
  const columns = await handle.db.execute(
    sql`SELECT column_name, data_type FROM information_schema.columns
        WHERE table_name = 'training_sessions' AND column_name IN ('start_time', 'end_time') ORDER BY column_name`,
  );
  expect(columns.rows).toEqual([
    { column_name: "end_time", data_type: "timestamp without time zone" },
    { column_name: "start_time", data_type: "timestamp without time zone" },
  ]);
});
