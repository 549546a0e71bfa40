// The create-user use case (the owner's tool: `npm run user:create`, the
// seed) applies the one password rule and the length limits, naming the
// field, and writes nothing when it refuses.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { DatabaseOrTransaction } from "@/db";
import { users } from "@/db/schema";
import { createUser, type CreateUserInput } from "@/server/users/create-user";
import { rejection } from "../helpers/app-error";
import { useMigratedDatabase } from "../helpers/test-database";

let db: DatabaseOrTransaction;
useMigratedDatabase((handle) => {
  db = handle.db;
});

async function refused(input: CreateUserInput, field: string, reason: RegExp): Promise<void> {
  const error = await rejection(createUser(db, input));
  expect(error.code).toBe("invalid_input");
  expect(error.fields?.[field]).toMatch(reason);
  expect(await db.select().from(users).where(eq(users.email, input.email.toLowerCase()))).toHaveLength(0);
}

describe("createUser refuses weak passwords, naming the field", () => {
  it.each([
    ["short-pw", /At least 10/],
    ["aaaaaaaaaa", /repeated/],
    ["password123", /common/],
    ["weak@example.com", /e-mail/],
  ])("%j", async (password, reason) => {
    await refused({ email: "weak@example.com", password, role: "member" }, "password", reason);
  });
});

describe("createUser bounds names and e-mail addresses", () => {
  it("refuses a name over 100 characters and an e-mail over 254", async () => {
    await refused({ email: "long@example.com", password: "mauve-kettle-42", role: "member", name: "n".repeat(101) }, "name", /At most 100/);
    const email = `${"e".repeat(250)}@example.com`;
    await refused({ email, password: "mauve-kettle-42", role: "member" }, "email", /At most 254/);
  });

  it("accepts a good password and a 100-character name", async () => {
    const user = await createUser(db, { email: "fine@example.com", password: "mauve-kettle-42", role: "member", name: "n".repeat(100) });
    expect(user.name).toHaveLength(100);
  });
});
