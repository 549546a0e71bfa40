// The demo seed: one owner, two coaches in their own zones with weekly rules,
// three members — once. A second run (or a run on a database with users)
// writes nothing.
import { verifyPassword } from "better-auth/crypto";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { accounts, bookings, coachSettings, recurringBookings, trainingSessions, users, weeklyAvailability } from "@/db/schema";
import { DEMO_ACCOUNTS, seedDemoData } from "@/db/seed";
import { createMigratedTestDatabase } from "../helpers/test-database";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createMigratedTestDatabase();
});

afterAll(async () => {
  await handle?.close();
});

describe("seedDemoData", () => {
  it("seeds an owner, two coaches with zones and weekly rules, and three members", async () => {
    expect(await seedDemoData(handle.db)).toBe(true);

    const rows = await handle.db
      .select({ id: users.id, email: users.email, role: users.role, timezone: coachSettings.timezone, defaultDuration: coachSettings.defaultDuration })
      .from(users)
      .leftJoin(coachSettings, eq(coachSettings.coachId, users.id))
      .orderBy(asc(users.email));
    expect(rows.filter((row) => row.role === "owner")).toHaveLength(1);
    expect(rows.filter((row) => row.role === "member")).toHaveLength(3);
    const coaches = rows.filter((row) => row.role === "coach");
    expect(coaches.map((coach) => [coach.email, coach.timezone])).toEqual([
      ["coach.newyork@coachbook.test", "America/New_York"],
      ["coach.paris@coachbook.test", "Europe/Paris"],
    ]);
    expect(coaches.every((coach) => (coach.defaultDuration ?? 0) > 0)).toBe(true);

    const rules = await handle.db
      .select({ coachId: weeklyAvailability.coachId, dayOfWeek: weeklyAvailability.dayOfWeek, startTime: weeklyAvailability.startTime, endTime: weeklyAvailability.endTime })
      .from(weeklyAvailability);
    for (const coach of coaches) {
      const own = rules.filter((rule) => rule.coachId === coach.id);
      for (const dayOfWeek of [1, 2, 3, 4, 5]) {
        expect(own).toContainEqual({ coachId: coach.id, dayOfWeek, startTime: "09:00", endTime: "12:00" });
        expect(own).toContainEqual({ coachId: coach.id, dayOfWeek, startTime: "14:00", endTime: "18:00" });
      }
      expect(own.some((rule) => rule.dayOfWeek === 0)).toBe(false);
    }
    const paris = coaches.find((coach) => coach.timezone === "Europe/Paris")!;
    expect(rules).toContainEqual({ coachId: paris.id, dayOfWeek: 6, startTime: "09:00", endTime: "12:00" });
    expect(rules).toHaveLength(21);
  });

  it("books through the real use cases, with a history: past sessions completed, the horizon filled", async () => {
    const series = await handle.db.select().from(recurringBookings).orderBy(asc(recurringBookings.frequency));
    expect(series.map((row) => [row.dayOfWeek, row.startTime, row.frequency, row.status])).toEqual([
      [2, "10:00", 1, "active"],
      [4, "15:00", 2, "active"],
    ]);
    const sessions = await handle.db.select().from(trainingSessions);
    const now = Date.now();
    const past = sessions.filter((session) => session.endsAt.getTime() <= now);
    const ahead = sessions.filter((session) => session.startsAt.getTime() > now);
    // Three weeks of Tuesdays and last Friday's one-time session are history, all completed.
    expect(past.length).toBeGreaterThanOrEqual(3 + 1);
    expect(past.every((session) => session.status === "completed")).toBe(true);
    // 6 weeks ahead: 5–6 Tuesdays, 3 fortnightly Thursdays, next Friday's session.
    expect(ahead.length).toBeGreaterThanOrEqual(5 + 2 + 1);
    expect(ahead.every((session) => session.status === "scheduled")).toBe(true);
    const tuesdays = series[0]!;
    const lastTuesday = Math.max(...sessions.filter((s) => s.recurringBookingId === tuesdays.id).map((s) => s.startsAt.getTime()));
    expect(lastTuesday).toBeGreaterThan(now + 5 * 7 * 86_400_000);
    const oneTime = await handle.db.select().from(bookings);
    expect(oneTime).toHaveLength(2);
    expect(sessions.filter((session) => session.oneTimeBookingId !== null)).toHaveLength(2);
  });

  it("gives every demo account the listed password", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const [row] = await handle.db
        .select({ hash: accounts.password, providerId: accounts.providerId })
        .from(accounts)
        .innerJoin(users, eq(users.id, accounts.userId))
        .where(eq(users.email, account.email));
      expect(row?.providerId).toBe("credential");
      expect(await verifyPassword({ hash: row!.hash!, password: account.password })).toBe(true);
    }
  });

  it("seeds nothing the second time", async () => {
    const count = async () => (await handle.db.select({ n: sql<number>`count(*)::int` }).from(users))[0]!.n;
    const before = await count();
    expect(await seedDemoData(handle.db)).toBe(false);
    expect(await count()).toBe(before);
    expect(before).toBe(6);
  });

  it("seeds once when two first runs start at the same time", async () => {
    const fresh = await createMigratedTestDatabase();
    try {
      const results = await Promise.all([seedDemoData(fresh.db), seedDemoData(fresh.db)]);
      expect(results.sort()).toEqual([false, true]);
      const [row] = await fresh.db.select({ n: sql<number>`count(*)::int` }).from(users);
      expect(row!.n).toBe(DEMO_ACCOUNTS.length);
    } finally {
      await fresh.close();
    }
  });
});
