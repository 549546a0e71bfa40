// The booking window and input bounds on a real database: the studio setting
// (everyone signed in reads it, only the owner changes it, 1..3650 days);
// one-time bookings, a series' start date (and its preview), time off and
// extra hours beyond now + the window are refused with a 400 naming the
// field, and nothing is written; a series with no end is still fine. Names
// and free text have length limits, and dates outside the years 1900..2200
// are refused before they reach date arithmetic or SQL.
import { count } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import { availabilityAdditions, blockedSlots, bookings, recurringBookings, studioSettings } from "@/db/schema";
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from "@/domain/limits";
import { createAvailabilityAddition } from "@/server/availability/create-availability-addition";
import { createBlockedSlot } from "@/server/availability/create-blocked-slot";
import { previewBlockedSlot } from "@/server/availability/preview-blocked-slot";
import { createOneTimeBooking } from "@/server/bookings/create-one-time-booking";
import { createRecurringBooking, previewRecurringBooking } from "@/server/bookings/create-recurring-booking";
import { listSessions } from "@/server/sessions/list-sessions";
import { getStudioSettings } from "@/server/studio-settings/get-studio-settings";
import { updateStudioSettings } from "@/server/studio-settings/update-studio-settings";
import { createUser } from "@/server/users/create-user";
import { updateUser } from "@/server/users/update-user";
import { ALL_WEEK, addPerson, addWeeklyRules, clearBusinessData } from "../helpers/people";
import { rejection } from "../helpers/app-error";
import { useMigratedDatabase } from "../helpers/test-database";

let db: DatabaseOrTransaction;

useMigratedDatabase((handle) => {
  db = handle.db;
});

const NOW = new Date("2027-03-01T08:00:00Z"); // a Monday
const DAY = 86_400_000;
const at = (days: number, hour = 10) => new Date(NOW.getTime() + days * DAY + (hour - 8) * 3_600_000);
let coach: Actor;
let member: Actor;
let owner: Actor;

beforeEach(async () => {
  await clearBusinessData(db);
  await db.update(studioSettings).set({ bookingWindowDays: 365 });
  coach = await addPerson(db, "coach", { timezone: "UTC", minimumNoticeMinutes: 0 });
  member = await addPerson(db, "member");
  owner = await addPerson(db, "owner");
  await addWeeklyRules(db, coach.id, ALL_WEEK);
});

async function rows() {
  const counts = await Promise.all(
    [bookings, recurringBookings, blockedSlots, availabilityAdditions].map(async (table) => (await db.select({ n: count() }).from(table))[0]!.n),
  );
  return counts;
}

describe("studio settings", () => {
  it("default to a 365-day window that every role may read", async () => {
    for (const actor of [member, coach, owner]) {
      expect((await getStudioSettings({ db, actor })).bookingWindowDays).toBe(365);
    }
    expect((await rejection(getStudioSettings({ db, actor: null }))).code).toBe("unauthenticated");
  });

  it("are changed by the owner only, within 1..3650 days, naming the field otherwise", async () => {
    expect((await rejection(updateStudioSettings({ db, actor: coach, input: { bookingWindowDays: 30 } }))).code).toBe("forbidden");
    expect((await rejection(updateStudioSettings({ db, actor: member, input: { bookingWindowDays: 30 } }))).code).toBe("forbidden");
    for (const bad of [0, 3651, 2.5, "30", null, Number.NaN]) {
      const error = await rejection(updateStudioSettings({ db, actor: owner, input: { bookingWindowDays: bad as number } }));
      expect(error.fields, String(bad)).toHaveProperty("bookingWindowDays");
    }
    expect((await rejection(updateStudioSettings({ db, actor: owner, input: {} as never }))).fields).toHaveProperty("bookingWindowDays");
    const changed = await updateStudioSettings({ db, actor: owner, input: { bookingWindowDays: 30 } });
    expect(changed.bookingWindowDays).toBe(30);
    expect((await getStudioSettings({ db, actor: member })).bookingWindowDays).toBe(30);
  });

  it("recreate the single row should a database lack it", async () => {
    await db.delete(studioSettings);
    expect((await getStudioSettings({ db, actor: member })).bookingWindowDays).toBe(365);
    expect((await updateStudioSettings({ db, actor: owner, input: { bookingWindowDays: 90 } })).bookingWindowDays).toBe(90);
    expect(await db.select().from(studioSettings)).toHaveLength(1);
  });
});

describe("the booking window", () => {
  beforeEach(async () => {
    await updateStudioSettings({ db, actor: owner, input: { bookingWindowDays: 30 } });
  });

  it("refuses a one-time booking starting after now + the window, naming startsAt; the last day inside is fine", async () => {
    const before = await rows();
    const beyond = await rejection(
      createOneTimeBooking({ db, actor: member, input: { coachId: coach.id, startsAt: at(31).toISOString(), endsAt: at(31, 11).toISOString() }, now: NOW }),
    );
    expect(beyond.code).toBe("invalid_input");
    expect(beyond.fields?.startsAt).toMatch(/at most 30 days ahead/);
    expect(await rows()).toEqual(before);
    const inside = await createOneTimeBooking({
      db,
      actor: member,
      input: { coachId: coach.id, startsAt: at(29).toISOString(), endsAt: at(29, 11).toISOString() },
      now: NOW,
    });
    expect(inside.session.startsAt).toBe(at(29).toISOString());
  });

  it("refuses year 9999 whatever the window (the years bound)", async () => {
    await updateStudioSettings({ db, actor: owner, input: { bookingWindowDays: 3650 } });
    const error = await rejection(
      createOneTimeBooking({ db, actor: member, input: { coachId: coach.id, startsAt: "9999-03-02T10:00:00Z", endsAt: "9999-03-02T11:00:00Z" }, now: NOW }),
    );
    expect(Object.keys(error.fields ?? {})).toEqual(expect.arrayContaining(["startsAt", "endsAt"]));
  });

  it("refuses a series starting after the window's last day (create and preview), naming startDate; no end date is fine", async () => {
    const series = (startDate: string) => ({ coachId: coach.id, dayOfWeek: 2, startTime: "10:00", endTime: "11:00", startDate });
    const before = await rows();
    for (const run of [createRecurringBooking, previewRecurringBooking]) {
      const error = await rejection(run({ db, actor: member, input: series("2027-04-01"), now: NOW }));
      expect(error.fields?.startDate).toMatch(/booking window/);
    }
    expect(await rows()).toEqual(before);
    const created = await createRecurringBooking({ db, actor: member, input: series("2027-03-31"), now: NOW });
    expect(created.recurringBooking.endDate ?? null).toBeNull();
  });

  it("refuses time off and extra hours starting beyond the window, naming startsAt, and writes nothing", async () => {
    const before = await rows();
    const window = { coachId: coach.id, startsAt: at(40).toISOString(), endsAt: at(40, 12).toISOString() };
    for (const run of [createBlockedSlot, previewBlockedSlot, createAvailabilityAddition]) {
      const error = await rejection(run({ db, actor: coach, input: window, now: NOW }));
      expect(error.fields?.startsAt, run.name).toMatch(/booking window/);
    }
    expect(await rows()).toEqual(before);
    // Starting inside the window, time off may last beyond it (a long leave).
    await createBlockedSlot({ db, actor: coach, input: { coachId: coach.id, startsAt: at(20).toISOString(), endsAt: at(60).toISOString() }, now: NOW });
  });
});

describe("input bounds", () => {
  it("names and free text have length limits", async () => {
    const long = "x".repeat(MAX_TEXT_LENGTH + 1);
    const window = { coachId: coach.id, startsAt: at(2).toISOString(), endsAt: at(2, 12).toISOString(), reason: long };
    expect((await rejection(createBlockedSlot({ db, actor: coach, input: window, now: NOW }))).fields).toHaveProperty("reason");
    expect((await rejection(createAvailabilityAddition({ db, actor: coach, input: window, now: NOW }))).fields).toHaveProperty("reason");
    const fine = await createBlockedSlot({ db, actor: coach, input: { ...window, reason: "y".repeat(MAX_TEXT_LENGTH) }, now: NOW });
    expect(fine.blockedSlot.reason).toHaveLength(MAX_TEXT_LENGTH);

    const name = "n".repeat(MAX_NAME_LENGTH + 1);
    const error = await rejection(createUser(db, { email: "long@example.com", password: "long-enough-password", role: "member", name }));
    expect(error.fields?.name).toBe(`At most ${MAX_NAME_LENGTH} characters`);
    const email = await rejection(createUser(db, { email: `${"e".repeat(250)}@example.com`, password: "long-enough-password", role: "member" }));
    expect(email.fields).toHaveProperty("email");
    const zone = await rejection(updateUser({ db, actor: owner, input: { id: coach.id, timezone: "Europe/".padEnd(5000, "x") } }));
    expect(zone.fields).toHaveProperty("timezone");
  });

  it("from/to outside the years 1900..2200 are a 400 naming each, not a database error", async () => {
    const error = await rejection(listSessions({ db, actor: owner, input: { from: "0000-01-01", to: "0000-12-31" }, now: NOW }));
    expect(error.fields).toEqual({ from: "Must be in the years 1900 to 2200", to: "Must be in the years 1900 to 2200" });
    const instant = await rejection(listSessions({ db, actor: owner, input: { from: "2200-12-31T23:00:00-05:00" }, now: NOW }));
    expect(instant.fields).toHaveProperty("from");
    expect(await listSessions({ db, actor: owner, input: { from: "1900-01-01", to: "1900-12-31" }, now: NOW })).toEqual([]);
  });
});
