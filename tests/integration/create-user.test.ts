// createUser on a real database: each role gets its users row, a credential
// account better-auth can verify, and (coaches) coach_settings; bad input and
// duplicate e-mails are refused by field name and leave nothing behind.
import { verifyPassword } from "better-auth/crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { accounts, coachSettings, users } from "@/db/schema";
import { AppError } from "@/domain/errors";
import { createUser, type CreateUserInput } from "@/server/users/create-user";
import { createMigratedTestDatabase } from "../helpers/test-database";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createMigratedTestDatabase();
});

afterAll(async () => {
  await handle?.close();
});

async function rowCounts() {
  const count = async (table: typeof users | typeof accounts | typeof coachSettings) => {
    const [row] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(table);
    return row!.n;
  };
  return { users: await count(users), accounts: await count(accounts), coachSettings: await count(coachSettings) };
}

async function expectRejected(input: CreateUserInput, code: AppError["code"], field: string) {
  const before = await rowCounts();
  const error = await createUser(handle.db, input).then(
    () => expect.unreachable("createUser should have failed"),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect(Object.keys((error as AppError).fields ?? {})).toContain(field);
  expect(await rowCounts()).toEqual(before);
}

describe("createUser", () => {
  it("creates an owner with a credential account better-auth can verify", async () => {
    const owner = await createUser(handle.db, {
      email: "Boss@Example.com ",
      password: "correct horse",
      role: "owner",
    });
    expect(owner).toMatchObject({ email: "boss@example.com", name: "boss", role: "owner", timezone: null });

    const [row] = await handle.db.select().from(users).where(eq(users.id, owner.id));
    expect(row).toMatchObject({ email: "boss@example.com", name: "boss", role: "owner", emailVerified: true });

    const accountRows = await handle.db.select().from(accounts).where(eq(accounts.userId, owner.id));
    expect(accountRows).toHaveLength(1);
    const [account] = accountRows;
    expect(account).toMatchObject({ providerId: "credential", accountId: owner.id });
    expect(account!.password).not.toContain("correct horse");
    expect(await verifyPassword({ hash: account!.password!, password: "correct horse" })).toBe(true);
    expect(await verifyPassword({ hash: account!.password!, password: "wrong horse" })).toBe(false);

    expect(await handle.db.select().from(coachSettings).where(eq(coachSettings.coachId, owner.id))).toEqual([]);
  });

  it("creates a coach with coach_settings holding the time zone", async () => {
    const coach = await createUser(handle.db, {
      email: "coach@example.com",
      password: "coach-password",
      name: "Camille",
      role: "coach",
      timezone: "Europe/Paris",
    });
    expect(coach).toMatchObject({ name: "Camille", role: "coach", timezone: "Europe/Paris" });
    const [settings] = await handle.db.select().from(coachSettings).where(eq(coachSettings.coachId, coach.id));
    expect(settings).toMatchObject({ timezone: "Europe/Paris", defaultDuration: 60, minimumNoticeMinutes: 120 });
    const [account] = await handle.db.select().from(accounts).where(eq(accounts.userId, coach.id));
    expect(await verifyPassword({ hash: account!.password!, password: "coach-password" })).toBe(true);
  });

  it("creates a coach without a zone (the business zone applies)", async () => {
    const coach = await createUser(handle.db, { email: "coach2@example.com", password: "coach-password", role: "coach" });
    const [settings] = await handle.db.select().from(coachSettings).where(eq(coachSettings.coachId, coach.id));
    expect(settings?.timezone).toBeNull();
  });

  it("creates a member with no coach_settings", async () => {
    const member = await createUser(handle.db, { email: "member@example.com", password: "member-password", role: "member" });
    const [row] = await handle.db.select().from(users).where(eq(users.id, member.id));
    expect(row?.role).toBe("member");
    expect(await handle.db.select().from(coachSettings).where(eq(coachSettings.coachId, member.id))).toEqual([]);
    expect(await handle.db.select().from(accounts).where(eq(accounts.userId, member.id))).toHaveLength(1);
  });

  it("rejects a duplicate e-mail, whatever its case, naming email and writing nothing", async () => {
    await expectRejected({ email: "MEMBER@example.com", password: "another-password", role: "coach", timezone: "UTC" }, "conflict", "email");
  });

  it("rejects an unknown time zone", async () => {
    await expectRejected({ email: "tz@example.com", password: "long-enough", role: "coach", timezone: "Mars/Olympus" }, "invalid_input", "timezone");
  });

  it("rejects a time zone for a non-coach", async () => {
    await expectRejected({ email: "tz2@example.com", password: "long-enough", role: "member", timezone: "Europe/Paris" }, "invalid_input", "timezone");
  });

  it("rejects an unknown role", async () => {
    await expectRejected({ email: "role@example.com", password: "long-enough", role: "admin" as "owner" }, "invalid_input", "role");
  });

  it("rejects a malformed e-mail", async () => {
    await expectRejected({ email: "not-an-email", password: "long-enough", role: "member" }, "invalid_input", "email");
  });

  it("rejects a short password", async () => {
    await expectRejected({ email: "short@example.com", password: "1234567", role: "member" }, "invalid_input", "password");
  });

  it("lets only one of two simultaneous creations of one e-mail through", async () => {
    const input = { email: "race@example.com", password: "race-password", role: "member" } as const;
    const results = await Promise.allSettled([createUser(handle.db, input), createUser(handle.db, input)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const [rejected] = results.filter((result) => result.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: "conflict", fields: { email: expect.any(String) } });
    expect(await handle.db.select().from(users).where(eq(users.email, "race@example.com"))).toHaveLength(1);
  });
});
