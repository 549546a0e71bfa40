// A coach's booking settings on a real database: the coach changes their own
// minimum notice and default length (the owner any coach's), the new notice
// moves the first free slot, and bad values are refused naming the field.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import { coachSettings } from "@/db/schema";
import { listFreeSlots } from "@/server/availability/list-free-slots";
import { updateCoachSettings } from "@/server/coaches/update-coach-settings";
import { addPerson, addWeeklyRules, clearBusinessData } from "../helpers/people";
import { rejection } from "../helpers/app-error";
import { useMigratedDatabase } from "../helpers/test-database";

let db: DatabaseOrTransaction;

useMigratedDatabase((handle) => {
  db = handle.db;
});

let coach: Actor;
let other: Actor;
let owner: Actor;
let member: Actor;

beforeEach(async () => {
  await clearBusinessData(db);
  coach = await addPerson(db, "coach", { timezone: "UTC" });
  other = await addPerson(db, "coach");
  owner = await addPerson(db, "owner");
  member = await addPerson(db, "member");
});

describe("updateCoachSettings", () => {
  it("lets a coach change their notice and default length, and the notice moves the first free slot", async () => {
    await addWeeklyRules(db, coach.id, [[1, "09:00", "17:00"]]);
    const now = new Date("2027-03-01T08:00:00Z"); // Monday
    const firstSlot = async () =>
      (await listFreeSlots({ db, actor: member, input: { coachId: coach.id, from: "2027-03-01", to: "2027-03-01" }, now })).slots[0];

    expect(await firstSlot()).toEqual({ startsAt: "2027-03-01T10:00:00.000Z", endsAt: "2027-03-01T11:00:00.000Z" });
    const updated = await updateCoachSettings({
      db,
      actor: coach,
      input: { coachId: coach.id, minimumNoticeMinutes: 300, defaultDuration: 45 },
    });
    expect(updated).toMatchObject({ id: coach.id, minimumNoticeMinutes: 300, defaultDuration: 45, timezone: "UTC" });
    // 08:00 + 5 h = 13:00, and slots are now 45 minutes long by default.
    expect(await firstSlot()).toEqual({ startsAt: "2027-03-01T13:00:00.000Z", endsAt: "2027-03-01T13:45:00.000Z" });
  });

  it("lets the owner change any coach's settings, even one without a settings row yet", async () => {
    const bare = await addPerson(db, "coach");
    await db.delete(coachSettings).where(eq(coachSettings.coachId, bare.id));
    const updated = await updateCoachSettings({ db, actor: owner, input: { coachId: bare.id, minimumNoticeMinutes: 0 } });
    expect(updated).toMatchObject({ id: bare.id, minimumNoticeMinutes: 0, defaultDuration: 60 });
  });

  it("refuses another coach (403), a member (403), a non-coach id (404) and bad values (400 naming the field)", async () => {
    expect((await rejection(updateCoachSettings({ db, actor: other, input: { coachId: coach.id, defaultDuration: 30 } }))).code).toBe(
      "forbidden",
    );
    expect((await rejection(updateCoachSettings({ db, actor: member, input: { coachId: coach.id, defaultDuration: 30 } }))).code).toBe(
      "forbidden",
    );
    expect((await rejection(updateCoachSettings({ db, actor: owner, input: { coachId: member.id, defaultDuration: 30 } }))).code).toBe(
      "not_found",
    );
    for (const [change, field] of [
      [{ defaultDuration: 50 }, "defaultDuration"],
      [{ defaultDuration: 0 }, "defaultDuration"],
      [{ minimumNoticeMinutes: -1 }, "minimumNoticeMinutes"],
      [{ minimumNoticeMinutes: 1.5 }, "minimumNoticeMinutes"],
      [{ minimumNoticeMinutes: "120" }, "minimumNoticeMinutes"],
      [{ timezone: "Europe/Paris" }, "timezone"],
      [{}, "input"],
    ] as const) {
      const error = await rejection(updateCoachSettings({ db, actor: coach, input: { coachId: coach.id, ...change } as never }));
      expect(error.code).toBe("invalid_input");
      expect(error.fields).toHaveProperty(field);
    }
  });
});
