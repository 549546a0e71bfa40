// The server actions' use cases fuzzed the way the actions run them:
// toActionResult(name, () => useCase({ db, actor, input })) is runAction
// without the request's cookie (src/actions/action-result.ts). Random and
// bad inputs from a member, a coach, the owner and nobody, with other
// people's ids: always { ok: false } with an AppError code (invalid_input
// naming a field), never "internal", and not one row changed. The actions
// that read their input's fields themselves (time off, extra hours) run as
// runActionWith does: objectInput() first, so null or a number is
// invalid_input naming `input`, not a TypeError. updateMe may also succeed:
// `{}`, a new name or no zone are the caller's own settings to change, on
// their own row only.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/auth/actor";
import { objectInput, toActionResult } from "@/actions/action-result";
import type { CoachWindowInput } from "@/actions/availability-actions";
import { windowInstants } from "@/actions/wall-clock-window";
import { createAvailabilityAddition } from "@/server/availability/create-availability-addition";
import { createBlockedSlot } from "@/server/availability/create-blocked-slot";
import { previewBlockedSlot } from "@/server/availability/preview-blocked-slot";
import { updateStudioSettings } from "@/server/studio-settings/update-studio-settings";
import type { DatabaseHandle } from "@/db/client";
import { cancelRecurringBooking } from "@/server/bookings/cancel-recurring-booking";
import { createRecurringBooking, previewRecurringBooking } from "@/server/bookings/create-recurring-booking";
import { listRecurringBookings } from "@/server/bookings/list-recurring-bookings";
import { updateMe } from "@/server/me/update-me";
import { retryOutboxMessage } from "@/server/outbox/retry-outbox-message";
import { addUser } from "@/server/users/add-user";
import { databaseContents } from "../helpers/database-contents";
import { ALL_WEEK, addPerson, addWeeklyRules } from "../helpers/people";
import { createMigratedTestDatabase } from "../helpers/test-database";
import { FAR_DATES, FIELDS, OVERSIZED, OVER_LIMIT, badValue } from "./bad-values";

const NOW = new Date("2027-03-01T08:00:00Z");
let handle: DatabaseHandle;
let before: Awaited<ReturnType<typeof databaseContents>>;
const people = {} as Record<"member" | "coach" | "owner", Actor>;
const theirs = { series: "", member1: "", coachA: "" };
let tried = 0;

beforeAll(async () => {
  handle = await createMigratedTestDatabase();
  const db = handle.db;
  const coachA = await addPerson(db, "coach", { timezone: "Europe/Paris" });
  await addWeeklyRules(db, coachA.id, ALL_WEEK);
  const member1 = await addPerson(db, "member");
  const series = await createRecurringBooking({
    db,
    actor: member1,
    input: { coachId: coachA.id, dayOfWeek: 2, startTime: "10:00", endTime: "11:00", startDate: "2027-03-01" },
    now: NOW,
  });
  Object.assign(theirs, { series: series.recurringBooking.id, member1: member1.id, coachA: coachA.id });
  people.member = await addPerson(db, "member");
  people.coach = await addPerson(db, "coach");
  people.owner = await addPerson(db, "owner");
  before = await databaseContents(handle);
});

afterAll(async () => {
  console.log(`action-input: ${tried} inputs tried`);
  await handle?.close();
});

const othersIds = () => [theirs.series, theirs.member1, theirs.coachA];
const input = () =>
  fc.oneof(
    fc.anything(),
    // what a hand-made POST of the action can send instead of an object
    fc.constantFrom<unknown>(null, undefined, 0, "text", [], [{}], true),
    fc.dictionary(fc.constantFrom(...FIELDS), badValue(othersIds), { minKeys: 1, maxKeys: 5 }),
    // a well-formed series but for one field, with a value none of these fields accepts
    fc
      .tuple(
        fc.constantFrom("dayOfWeek", "startTime", "endTime", "startDate", "endDate", "frequency", "coachId", "onConflict"),
        fc.constantFrom<unknown>("2027-02-30", "24:00", "10:60", "9:00", "Mars/Olympus", "", "\u0000", -1, 53, 2.5, "NaN", [], {}, OVERSIZED, ...FAR_DATES, ...OVER_LIMIT),
      )
      .map(([field, value]) => ({ coachId: theirs.coachA, dayOfWeek: 2, startTime: "12:00", endTime: "13:00", startDate: "2027-03-01", [field]: value })),
  );

const actions: Record<string, (actor: Actor | null, value: unknown) => Promise<unknown>> = {
  createRecurringBooking: (actor: Actor | null, value: unknown) => createRecurringBooking({ db: handle.db, actor, input: value as never, now: NOW }),
  previewRecurringBooking: (actor: Actor | null, value: unknown) => previewRecurringBooking({ db: handle.db, actor, input: value as never, now: NOW }),
  cancelRecurringBooking: (actor: Actor | null, value: unknown) => cancelRecurringBooking({ db: handle.db, actor, input: value as never, now: NOW }),
  getMyRecurringBookings: (actor: Actor | null, value: unknown) => listRecurringBookings({ db: handle.db, actor, input: value as never }),
  // A coach's window as the availability actions take it: wall-clock dates and times in a zone.
  createAvailabilityAddition: (actor: Actor | null, value: unknown) => {
    const { coachId, reason, ...window } = objectInput(value as CoachWindowInput);
    return createAvailabilityAddition({ db: handle.db, actor, input: { coachId, reason, ...windowInstants(window) }, now: NOW });
  },
  createBlockedSlot: (actor: Actor | null, value: unknown) => {
    const { coachId, reason, cancelAffected, ...window } = objectInput(value as CoachWindowInput & { cancelAffected: boolean });
    return createBlockedSlot({ db: handle.db, actor, input: { coachId, reason, cancelAffected, ...windowInstants(window) }, now: NOW });
  },
  previewBlockedSlot: (actor: Actor | null, value: unknown) => {
    const { coachId, reason, ...window } = objectInput(value as CoachWindowInput);
    return previewBlockedSlot({ db: handle.db, actor, input: { coachId, reason, ...windowInstants(window) }, now: NOW });
  },
  updateStudioSettings: (actor: Actor | null, value: unknown) => updateStudioSettings({ db: handle.db, actor, input: value as never }),
  // The owner's people and outbox pages, and every role's account page.
  addUser: (actor: Actor | null, value: unknown) => addUser({ db: handle.db, actor, input: value as never, baseUrl: "http://127.0.0.1:3000" }),
  retryOutboxMessage: (actor: Actor | null, value: unknown) => retryOutboxMessage({ db: handle.db, actor, input: value as never, now: NOW }),
  updateMe: (actor: Actor | null, value: unknown) => updateMe({ db: handle.db, actor, input: value as never }),
};

/** The settings updateMe may change on the caller's own row: a valid one (a name, no zone) is theirs to make. */
const OWN_SETTINGS = ["name", "locale", "timezone", "reminder", "email_digest", "updated_at"];

describe("objectInput", () => {
  it.each([null, undefined, 0, "text", [], true])("refuses %j as invalid_input naming input", async (value) => {
    const result = await toActionResult("test", async () => objectInput(value));
    expect(result).toEqual({ ok: false, error: { code: "invalid_input", message: "input: Must be an object", fields: { input: "Must be an object" } } });
  });
});

describe.each(Object.keys(actions))("%s", (name) => {
  it.each(["member", "coach", "owner", "nobody"] as const)("as %s: an AppError result, never internal, never a write", async (who) => {
    const actor = who === "nobody" ? null : people[who];
    await fc.assert(
      fc.asyncProperty(input(), async (value) => {
        tried += 1;
        const result = await toActionResult(name, () => actions[name]!(actor, value));
        if (result.ok) {
          // Only reads may succeed (a preview, a list), and then show nothing of member 1's to others;
          // and the caller's own settings (updateMe: `{}`, a name, a null zone).
          expect(["previewRecurringBooking", "getMyRecurringBookings", "previewBlockedSlot", "updateMe"]).toContain(name);
          if (name === "updateMe") expect((result.data as { id: string }).id).toBe(actor?.id);
          if (who !== "owner") expect(JSON.stringify(result.data)).not.toContain(theirs.series);
          return;
        }
        expect(result.error.code, JSON.stringify(result.error).slice(0, 300)).not.toBe("internal");
        if (result.error.code === "invalid_input") expect(Object.keys(result.error.fields ?? {}).length).toBeGreaterThan(0);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 6) * 4 },
    );
  });
});

it("wrote nothing: every row of every table is as it was (but the callers' own settings)", async () => {
  const callers = new Set(Object.values(people).map((person) => person.id));
  const comparable = ({ users, ...others }: Awaited<ReturnType<typeof databaseContents>>) => ({
    others,
    users: users?.map((row) => {
      const user = JSON.parse(row) as Record<string, unknown>;
      if (!callers.has(String(user.id))) return row;
      return JSON.stringify(Object.fromEntries(Object.entries(user).filter(([column]) => !OWN_SETTINGS.includes(column))));
    }).sort(),
  });
  expect(comparable(await databaseContents(handle))).toEqual(comparable(before));
});
