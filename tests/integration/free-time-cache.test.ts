// Free time kept between requests (src/server/availability/free-time-cache.ts)
// and the calendar versions that keep it exact (drizzle/0004): every write
// to what free time is computed from moves the coach's version in the same
// transaction, whoever writes it; a cached read is used only while the
// database still holds its version; reads in a transaction are never
// cached; two databases never share entries; and the API's JSON text is
// the use case's answer, rebuilt when the first bookable slot changes.
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { selectRows, type DatabaseOrTransaction } from "@/db";
import type { DatabaseHandle } from "@/db/client";
import { FREE_TIME_CACHE_ENTRIES } from "@/server/availability/free-time-cache";
import { listFreeSlots, listFreeSlotsJson, readFreeTime } from "@/server/availability/list-free-slots";
import { addPerson, addWeeklyRules, clearBusinessData } from "../helpers/people";
import { createMigratedTestDatabase, useMigratedDatabase } from "../helpers/test-database";

let handle: DatabaseHandle;
let db: DatabaseOrTransaction;

useMigratedDatabase((opened) => {
  handle = opened;
  db = opened.db;
});

beforeEach(async () => {
  await clearBusinessData(db);
});

const LONG_AGO = new Date("2020-01-01T00:00:00Z");
const DAY = { from: "2027-03-01", to: "2027-03-01" }; // a Monday

async function versionOf(coachId: string): Promise<string> {
  const [row] = await selectRows<{ v: string }>(db, sql`SELECT coalesce((SELECT version::text FROM calendar_versions WHERE coach_id = ${coachId}), '0') AS v`);
  return String(row!.v);
}

/** Two coaches with a Monday 09:00–12:00 rule, a member, and a session of the first coach. */
async function twoCoaches() {
  const coach = await addPerson(db, "coach");
  const other = await addPerson(db, "coach");
  const member = await addPerson(db, "member");
  await addWeeklyRules(db, coach.id, [[1, "09:00", "12:00"]]);
  await addWeeklyRules(db, other.id, [[1, "09:00", "12:00"]]);
  return { coach, other, member };
}

describe("calendar versions", () => {
  // Each write is plain SQL, as another process or a person at psql would make it.
  const writes: Array<[string, (ids: { coach: string; member: string }) => string]> = [
    ["coach_settings update", ({ coach }) => `UPDATE coach_settings SET minimum_notice_minutes = 30 WHERE coach_id = '${coach}'`],
    ["coach_settings delete", ({ coach }) => `DELETE FROM coach_settings WHERE coach_id = '${coach}'`],
    ["weekly_availability insert", ({ coach }) => `INSERT INTO weekly_availability (coach_id, day_of_week, start_time, end_time) VALUES ('${coach}', 2, '09:00', '10:00')`],
    ["weekly_availability update", ({ coach }) => `UPDATE weekly_availability SET end_time = '11:00' WHERE coach_id = '${coach}'`],
    ["weekly_availability delete", ({ coach }) => `DELETE FROM weekly_availability WHERE coach_id = '${coach}'`],
    ["availability_additions insert", ({ coach }) => `INSERT INTO availability_additions (coach_id, starts_at, ends_at) VALUES ('${coach}', '2027-03-01T14:00Z', '2027-03-01T15:00Z')`],
    ["blocked_slots insert", ({ coach }) => `INSERT INTO blocked_slots (coach_id, starts_at, ends_at) VALUES ('${coach}', '2027-03-01T10:00Z', '2027-03-01T11:00Z')`],
    ["training_sessions insert", ({ coach, member }) => `INSERT INTO training_sessions (coach_id, member_id, starts_at, ends_at) VALUES ('${coach}', '${member}', '2027-03-01T09:00Z', '2027-03-01T10:00Z')`],
  ];

  it.each(writes)("%s moves the coach's version and no other coach's", async (_name, write) => {
    const { coach, other, member } = await twoCoaches();
    const [before, otherBefore] = [await versionOf(coach.id), await versionOf(other.id)];
    await handle.exec(write({ coach: coach.id, member: member.id }));
    expect(await versionOf(coach.id)).not.toBe(before);
    expect(await versionOf(other.id)).toBe(otherBefore);
  });

  it("moves on update and delete of additions, blocked slots and sessions too, and for both coaches when a row moves", async () => {
    const { coach, other, member } = await twoCoaches();
    await handle.exec(`
      INSERT INTO availability_additions (coach_id, starts_at, ends_at) VALUES ('${coach.id}', '2027-03-01T14:00Z', '2027-03-01T15:00Z');
      INSERT INTO blocked_slots (coach_id, starts_at, ends_at) VALUES ('${coach.id}', '2027-03-01T10:00Z', '2027-03-01T11:00Z');
      INSERT INTO training_sessions (coach_id, member_id, starts_at, ends_at) VALUES ('${coach.id}', '${member.id}', '2027-03-01T09:00Z', '2027-03-01T10:00Z');`);
    for (const table of ["availability_additions", "blocked_slots", "training_sessions"]) {
      let before = await versionOf(coach.id);
      await handle.exec(`UPDATE ${table} SET ends_at = ends_at + interval '30 minutes' WHERE coach_id = '${coach.id}'`);
      expect(await versionOf(coach.id), `${table} update`).not.toBe(before);
      before = await versionOf(coach.id);
      const otherBefore = await versionOf(other.id);
      await handle.exec(`UPDATE ${table} SET coach_id = '${other.id}' WHERE coach_id = '${coach.id}'`);
      expect(await versionOf(coach.id), `${table} moved away`).not.toBe(before);
      expect(await versionOf(other.id), `${table} moved in`).not.toBe(otherBefore);
      before = await versionOf(other.id);
      await handle.exec(`DELETE FROM ${table} WHERE coach_id = '${other.id}'`);
      expect(await versionOf(other.id), `${table} delete`).not.toBe(before);
    }
  });

  it("moves every coach of a many-coach statement, and no one's for a statement that matches no row", async () => {
    const { coach, other, member } = await twoCoaches();
    const [before, otherBefore] = [await versionOf(coach.id), await versionOf(other.id)];
    await handle.exec(`
      INSERT INTO training_sessions (coach_id, member_id, starts_at, ends_at) VALUES
        ('${coach.id}', '${member.id}', '2027-03-01T09:00Z', '2027-03-01T10:00Z'),
        ('${coach.id}', NULL, '2027-03-01T10:00Z', '2027-03-01T11:00Z'),
        ('${other.id}', NULL, '2027-03-01T09:00Z', '2027-03-01T10:00Z')`);
    expect(await versionOf(coach.id)).not.toBe(before);
    expect(await versionOf(other.id)).not.toBe(otherBefore);
    const [after, otherAfter] = [await versionOf(coach.id), await versionOf(other.id)];
    await handle.exec(`UPDATE training_sessions SET notes = 'x' WHERE coach_id = 'nobody'`);
    expect([await versionOf(coach.id), await versionOf(other.id)]).toEqual([after, otherAfter]);
  });

  it("only ever grows, even past a transaction id lower than the last version (a database restored elsewhere)", async () => {
    const { coach } = await twoCoaches();
    await handle.exec(`UPDATE calendar_versions SET version = 1000000000000000 WHERE coach_id = '${coach.id}'`);
    await handle.exec(`DELETE FROM weekly_availability WHERE coach_id = '${coach.id}'`);
    expect(BigInt(await versionOf(coach.id))).toBe(1000000000000001n);
  });

  it("is written in the writing transaction: a rolled-back change leaves the version as it was", async () => {
    const { coach } = await twoCoaches();
    const before = await versionOf(coach.id);
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`DELETE FROM weekly_availability WHERE coach_id = ${coach.id}`);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await versionOf(coach.id)).toBe(before);
  });
});

describe("the free-time cache", () => {
  const read = (coachId: string, on: DatabaseOrTransaction = db) => readFreeTime(on, { coachId, ...DAY });
  const slotStarts = async (coachId: string, on: DatabaseOrTransaction = db) => {
    const member = await addPerson(db, "member");
    const answer = await listFreeSlots({ db: on, actor: member, now: LONG_AGO, input: { coachId, ...DAY, duration: 60 } });
    return answer.slots.map((slot) => slot.startsAt.slice(11, 16));
  };

  it("answers from the entry while nothing changed, and sees a change written behind its back at the next read", async () => {
    const { coach } = await twoCoaches();
    const first = await read(coach.id);
    expect((await read(coach.id)).calendar).toBe(first.calendar);
    expect(await slotStarts(coach.id)).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00"]);

    await handle.exec(`INSERT INTO blocked_slots (coach_id, starts_at, ends_at) VALUES ('${coach.id}', '2027-03-01T10:00Z', '2027-03-01T11:00Z')`);
    const after = await read(coach.id);
    expect(after.calendar).not.toBe(first.calendar);
    expect(await slotStarts(coach.id)).toEqual(["09:00", "11:00"]);

    await handle.exec(`DELETE FROM blocked_slots WHERE coach_id = '${coach.id}'`);
    expect(await slotStarts(coach.id)).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00"]);
  });

  it("keeps one entry per coach and window, and answers not_found for a coach who stopped being one", async () => {
    const { coach, other } = await twoCoaches();
    const mine = await read(coach.id);
    const theirs = await read(other.id);
    expect(theirs.calendar).not.toBe(mine.calendar);
    const otherWindow = await readFreeTime(db, { coachId: coach.id, from: "2027-03-01", to: "2027-03-02" });
    expect(otherWindow.calendar).not.toBe(mine.calendar);
    expect((await read(coach.id)).calendar).toBe(mine.calendar);

    // A role change touches no calendar table: the read still checks the role.
    await handle.exec(`UPDATE users SET role = 'member' WHERE id = '${coach.id}'`);
    await expect(read(coach.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("never caches a read inside a transaction, which may see its own uncommitted rows", async () => {
    const { coach } = await twoCoaches();
    const outside = await read(coach.id);
    await db.transaction(async (tx) => {
      await tx.execute(sql`DELETE FROM weekly_availability WHERE coach_id = ${coach.id}`);
      const inside = await read(coach.id, tx);
      expect(inside.calendar.free).toEqual([]);
      expect((await read(coach.id, tx)).calendar).not.toBe(inside.calendar);
      tx.rollback();
    }).catch((error: unknown) => {
      if (!(error instanceof Error && /rollback/i.test(error.message))) throw error;
    });
    expect((await read(coach.id)).calendar).toBe(outside.calendar);
    expect(await slotStarts(coach.id)).toHaveLength(5);
  });

  it("keeps each database's entries apart, even for the same coach id and window", async () => {
    const second = await createMigratedTestDatabase();
    try {
      const { coach } = await twoCoaches();
      // The same coach id in another database, free only 09:00–10:00.
      await second.exec(`
        INSERT INTO users (id, email, name, role) VALUES ('${coach.id}', 'twin@example.com', 'Twin', 'coach');
        INSERT INTO weekly_availability (coach_id, day_of_week, start_time, end_time) VALUES ('${coach.id}', 1, '09:00', '10:00');`);
      expect(await slotStarts(coach.id)).toHaveLength(5);
      expect(await slotStarts(coach.id, second.db)).toEqual(["09:00"]);
      expect(await slotStarts(coach.id)).toHaveLength(5);
    } finally {
      await second.close();
    }
  });

  it(`holds at most ${FREE_TIME_CACHE_ENTRIES} windows, the least recently read leaving first`, async () => {
    const { coach } = await twoCoaches();
    const window = (index: number) => {
      const from = new Date(Date.UTC(2027, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
      return { coachId: coach.id, from, to: from };
    };
    const oldest = await readFreeTime(db, window(0));
    const kept = await readFreeTime(db, window(1));
    for (let index = 2; index <= FREE_TIME_CACHE_ENTRIES; index += 1) {
      await readFreeTime(db, window(index));
      if (index === 2) expect((await readFreeTime(db, window(1))).calendar).toBe(kept.calendar); // read again: now recent
    }
    expect((await readFreeTime(db, window(1))).calendar).toBe(kept.calendar);
    expect((await readFreeTime(db, window(0))).calendar).not.toBe(oldest.calendar);
  });
});

describe("the API's JSON answer", () => {
  it("is listFreeSlots()'s answer as JSON, rebuilt when time passes the first bookable slot", async () => {
    const { coach, member } = await twoCoaches();
    const input = { coachId: coach.id, ...DAY };
    const at = (iso: string) => new Date(iso);
    // Notice 120 minutes: at 06:45 the first bookable start is 09:00; at 07:15, 09:30.
    for (const now of [at("2027-03-01T06:45:00Z"), at("2027-03-01T06:50:00Z"), at("2027-03-01T07:15:00Z"), at("2027-03-01T06:45:00Z")]) {
      const json = await listFreeSlotsJson({ db, actor: member, input, now });
      expect(JSON.parse(json.text), now.toISOString()).toEqual(await listFreeSlots({ db, actor: member, input, now }));
    }
    const early = JSON.parse((await listFreeSlotsJson({ db, actor: member, input, now: at("2027-03-01T06:45:00Z") })).text);
    const later = JSON.parse((await listFreeSlotsJson({ db, actor: member, input, now: at("2027-03-01T07:15:00Z") })).text);
    expect(early.slots[0].startsAt).toBe("2027-03-01T09:00:00.000Z");
    expect(later.slots[0].startsAt).toBe("2027-03-01T09:30:00.000Z");
  });

  it("authorizes before it answers", async () => {
    const { coach } = await twoCoaches();
    await expect(listFreeSlotsJson({ db, actor: null, input: { coachId: coach.id, ...DAY } })).rejects.toMatchObject({
      code: "unauthenticated",
    });
  });
});
