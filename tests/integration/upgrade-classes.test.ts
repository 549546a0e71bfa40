// v1's group sessions after the upgrade (drizzle/0009): each is a class, seen
// through the use cases as any class is; each of its bookings is one
// enrolment (CONFIRMED → confirmed, WAITLIST → waitlisted in booking order,
// NO_SHOW → no_show, CANCELLED_BY_MEMBER/COACH → cancelled by member/coach,
// any place in a cancelled class → cancelled with it); the v1 bookings rows
// stay; places_taken counts the places held; and the classes work: members
// enrol, and a freed place goes to the first v1 waitlisted member.
import { sql } from "drizzle-orm";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/auth/actor";
import { selectRows } from "@/db";
import type { DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { cancelEnrolment } from "@/server/classes/cancel-enrolment";
import { enrolInClass } from "@/server/classes/enrol-in-class";
import { getClass } from "@/server/classes/get-class";
import { listClasses } from "@/server/classes/list-classes";
import { addPerson } from "../helpers/people";
import { createTestDatabase } from "../helpers/test-database";
import { v1SchemaSql } from "../helpers/v1-schema";

const v1DataSql = readFileSync(new URL("../fixtures/v1-data.sql", import.meta.url), "utf8");

const owner: Actor = { id: "u-owner", role: "owner", email: "owner@studio.example", name: "Olivia Owner" };
const member = (id: string, name: string): Actor => ({ id, role: "member", email: `${id.slice(2)}@example.org`, name });

/** A fresh v1 database with the fixture, upgraded. Each test that changes places takes its own. */
async function upgradedV1(): Promise<DatabaseHandle> {
  const handle = await createTestDatabase();
  try {
    await handle.exec(v1SchemaSql);
    await handle.exec(v1DataSql);
    await migrateDatabase(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/** Enrolments by the v1 booking they came from. */
async function enrolmentsByBooking(handle: DatabaseHandle) {
  const rows = await selectRows<{ v1_booking_id: string; class_id: string; member_id: string; status: string; cancel_cause: string | null }>(
    handle.db,
    sql`SELECT v1_booking_id, class_id, member_id, status::text AS status, cancel_cause::text AS cancel_cause
        FROM class_enrolments WHERE v1_booking_id IS NOT NULL ORDER BY v1_booking_id`,
  );
  return Object.fromEntries(rows.map((row) => [row.v1_booking_id, row]));
}

describe("v1 group sessions, upgraded", () => {
  let handle: DatabaseHandle;
  let v1GroupBookings: { id: string; session_id: string; member_id: string; status: string }[];
  let v1BookingCount: number;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await handle.exec(v1SchemaSql);
    await handle.exec(v1DataSql);
    v1GroupBookings = await selectRows(
      handle.db,
      sql`SELECT b.id, b.session_id, b.member_id, b.status::text AS status
          FROM bookings b JOIN training_sessions ts ON ts.id = b.session_id WHERE ts.type = 'GROUP' ORDER BY b.id`,
    );
    const [count] = await selectRows<{ n: number }>(handle.db, sql`SELECT count(*)::int AS n FROM bookings`);
    v1BookingCount = count!.n;
    await migrateDatabase(handle);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("lists each as a class with its title, capacity, places held and waitlist", async () => {
    const classes = await listClasses({ db: handle.db, actor: owner, input: { from: "2026-10-26T00:00:00Z", to: "2027-01-01T00:00:00Z" } });
    const ny = { id: "u-coach-ny", name: "Nate Coach" };
    const paris = { id: "u-coach-paris", name: "Camille Coach" };
    expect(classes.map(({ id, title, status, coach, capacity, confirmed, waitlisted, placesLeft, seriesId }) => ({
      id, title, status, coach: { id: coach.id, name: coach.name }, capacity, confirmed, waitlisted, placesLeft, seriesId,
    }))).toEqual([
      // NO_SHOW and CONFIRMED both hold a place.
      { id: "ts-group-done", title: "Bootcamp", status: "completed", coach: ny, capacity: 10, confirmed: 2, waitlisted: 0, placesLeft: 8, seriesId: null },
      { id: "ts-group", title: "Bootcamp", status: "scheduled", coach: ny, capacity: 10, confirmed: 2, waitlisted: 1, placesLeft: 8, seriesId: null },
      { id: "ts-group-small", title: "Pilates", status: "scheduled", coach: paris, capacity: 3, confirmed: 3, waitlisted: 3, placesLeft: 0, seriesId: null },
      // Its places went with it.
      { id: "ts-group-cancelled", title: "Pilates", status: "cancelled", coach: paris, capacity: 3, confirmed: 0, waitlisted: 0, placesLeft: 3, seriesId: null },
    ]);
    expect(classes.find((c) => c.id === "ts-group")).toMatchObject({ startsAt: "2026-11-08T15:00:00.000Z", endsAt: "2026-11-08T16:00:00.000Z" });
  });

  it("shows each v1 booking in the roster: statuses mapped, the cause of a cancellation, the waitlist in booking order", async () => {
    const roster = async (id: string) =>
      (await getClass({ db: handle.db, actor: owner, input: { id } })).roster!.map((e) => ({
        member: e.member.id,
        status: e.status,
        position: e.position,
        cancelCause: e.cancelCause,
      }));
    // Places held (in booking order), then the waitlist (m3 booked first;
    // m5 and m6 at the same instant, so by booking id), then the places given up.
    expect(await roster("ts-group-small")).toEqual([
      { member: "u-m1", status: "confirmed", position: null, cancelCause: null },
      { member: "u-m2", status: "confirmed", position: null, cancelCause: null },
      { member: "u-m4", status: "confirmed", position: null, cancelCause: null },
      { member: "u-m3", status: "waitlisted", position: 1, cancelCause: null },
      { member: "u-m5", status: "waitlisted", position: 2, cancelCause: null },
      { member: "u-m6", status: "waitlisted", position: 3, cancelCause: null },
      { member: "u-m7", status: "cancelled", position: null, cancelCause: "member" },
      { member: "u-m6", status: "cancelled", position: null, cancelCause: "coach" },
    ]);
    expect(await roster("ts-group")).toEqual([
      { member: "u-m1", status: "confirmed", position: null, cancelCause: null },
      { member: "u-m2", status: "confirmed", position: null, cancelCause: null },
      { member: "u-m3", status: "waitlisted", position: 1, cancelCause: null },
      { member: "u-m4", status: "cancelled", position: null, cancelCause: "member" },
      { member: "u-m5", status: "cancelled", position: null, cancelCause: "coach" },
    ]);
    expect(await roster("ts-group-done")).toEqual([
      { member: "u-m4", status: "no_show", position: null, cancelCause: null },
      { member: "u-m1", status: "confirmed", position: null, cancelCause: null },
    ]);
    expect(await roster("ts-group-cancelled")).toEqual([
      { member: "u-m1", status: "cancelled", position: null, cancelCause: "class_cancelled" },
      { member: "u-m7", status: "cancelled", position: null, cancelCause: "class_cancelled" },
    ]);
  });

  it("keeps the times of a v1 cancellation and of the booking", async () => {
    const { roster } = await getClass({ db: handle.db, actor: owner, input: { id: "ts-group-small" } });
    expect(roster!.find((e) => e.member.id === "u-m7")).toMatchObject({
      createdAt: "2026-11-09T08:00:00.000Z",
      cancelledAt: "2026-11-11T07:00:00.000Z",
      promotedAt: null,
    });
    expect(roster!.find((e) => e.member.id === "u-m3")).toMatchObject({ createdAt: "2026-11-12T08:00:00.000Z", cancelledAt: null });
    // A place in a cancelled v1 class is cancelled as of the upgrade (v1 kept no time of cancellation).
    const { roster: gone } = await getClass({ db: handle.db, actor: owner, input: { id: "ts-group-cancelled" } });
    expect(gone!.every((e) => e.cancelledAt !== null)).toBe(true);
  });

  it("loses no row: the v1 bookings stay, and each group booking is exactly one enrolment of its member in its class", async () => {
    expect(v1GroupBookings.length).toBe(17);
    const [bookings] = await selectRows<{ n: number }>(handle.db, sql`SELECT count(*)::int AS n FROM bookings`);
    expect(bookings!.n).toBe(v1BookingCount);
    const [enrolments] = await selectRows<{ n: number; from_v1: number }>(
      handle.db,
      sql`SELECT count(*)::int AS n, count(v1_booking_id)::int AS from_v1 FROM class_enrolments`,
    );
    expect(enrolments).toEqual({ n: v1GroupBookings.length, from_v1: v1GroupBookings.length });

    const byBooking = await enrolmentsByBooking(handle);
    const expectedStatus: Record<string, [string, string | null]> = {
      CONFIRMED: ["confirmed", null],
      WAITLIST: ["waitlisted", null],
      NO_SHOW: ["no_show", null],
      CANCELLED_BY_MEMBER: ["cancelled", "member"],
      CANCELLED_BY_COACH: ["cancelled", "coach"],
    };
    for (const booking of v1GroupBookings) {
      const [status, cause] = booking.session_id === "ts-group-cancelled" ? ["cancelled", "class_cancelled"] : expectedStatus[booking.status]!;
      expect(byBooking[booking.id], booking.id).toEqual({
        v1_booking_id: booking.id,
        class_id: booking.session_id,
        member_id: booking.member_id,
        status,
        cancel_cause: cause,
      });
    }
    // v1 one-to-one bookings become no enrolment.
    const [stray] = await selectRows<{ n: number }>(
      handle.db,
      sql`SELECT count(*)::int AS n FROM class_enrolments e JOIN training_sessions ts ON ts.id = e.class_id WHERE ts.type <> 'GROUP'`,
    );
    expect(stray!.n).toBe(0);
  });

  it("counts in places_taken exactly the places held, on every class", async () => {
    const rows = await selectRows<{ id: string; places_taken: number; held: number }>(
      handle.db,
      sql`SELECT ts.id, ts.places_taken,
                 (SELECT count(*)::int FROM class_enrolments e WHERE e.class_id = ts.id AND e.status IN ('confirmed', 'attended', 'no_show')) AS held
          FROM training_sessions ts ORDER BY ts.id`,
    );
    for (const row of rows) expect(row.places_taken, row.id).toBe(row.held);
    expect(Object.fromEntries(rows.filter((row) => row.id.startsWith("ts-group")).map((row) => [row.id, row.places_taken]))).toEqual({
      "ts-group": 2,
      "ts-group-cancelled": 0,
      "ts-group-done": 2,
      "ts-group-small": 3,
    });
  });
});

describe("an upgraded class at work", () => {
  const open: DatabaseHandle[] = [];
  afterAll(async () => {
    await Promise.all(open.map((handle) => handle.close()));
  });

  it("queues a new member behind the v1 waitlist, and gives a freed place to the first v1 waitlisted member", async () => {
    const handle = await upgradedV1();
    open.push(handle);
    const db = handle.db;
    const newcomer = await addPerson(db, "member", { name: "New Member" });

    // ts-group-small (9 Dec) is full: a new member queues behind the three v1 ones.
    const now = new Date("2026-11-20T09:00:00Z");
    const inPilates = await enrolInClass({ db, actor: newcomer, input: { classId: "ts-group-small" }, now });
    expect(inPilates.enrolment).toMatchObject({ status: "waitlisted", position: 4 });

    // u-m1 gives up their v1 place: u-m3, first on the v1 waitlist, takes it.
    const result = await cancelEnrolment({ db, actor: member("u-m1", "Mia Member"), input: { id: await enrolmentId(handle, "bk-small-1") }, now });
    expect(result.enrolment).toMatchObject({ status: "cancelled", cancelCause: "member" });
    expect(result.promoted.map((e) => [e.member.id, e.status, e.promotedAt])).toEqual([["u-m3", "confirmed", now.toISOString()]]);

    const { class: view, roster } = await getClass({ db, actor: owner, input: { id: "ts-group-small" } });
    expect(view).toMatchObject({ confirmed: 3, waitlisted: 3, placesLeft: 0 });
    expect(roster!.filter((e) => e.status === "waitlisted").map((e) => [e.member.id, e.position])).toEqual([
      ["u-m5", 1],
      ["u-m6", 2],
      [newcomer.id, 3],
    ]);
    const [row] = await selectRows<{ places_taken: number }>(db, sql`SELECT places_taken FROM training_sessions WHERE id = 'ts-group-small'`);
    expect(row!.places_taken).toBe(3);
    // The v1 booking is left as v1 wrote it.
    const [v1Row] = await selectRows<{ status: string }>(db, sql`SELECT status::text AS status FROM bookings WHERE id = 'bk-small-1'`);
    expect(v1Row!.status).toBe("CONFIRMED");
  });

  it("promotes in booking order as places free up, nobody within the cut-off, and then gives the free place to whoever enrols", async () => {
    const handle = await upgradedV1();
    open.push(handle);
    const db = handle.db;
    const newcomer = await addPerson(db, "member", { name: "New Member" });
    const now = new Date("2026-11-20T09:00:00Z");
    // u-m2 leaves ts-group-small: u-m3 is promoted; then u-m3 leaves too and
    // u-m5 is promoted; the class is full again, as before.
    await cancelEnrolment({ db, actor: member("u-m2", "Max Member"), input: { id: await enrolmentId(handle, "bk-small-2") }, now });
    const second = await cancelEnrolment({ db, actor: member("u-m3", "Zoé Membre"), input: { id: await enrolmentId(handle, "bk-small-wait-b") }, now });
    expect(second.promoted.map((e) => e.member.id)).toEqual(["u-m5"]);
    // Within the cut-off (2 h before the class) nobody is promoted: the place is the first comer's.
    const late = new Date("2026-12-09T16:00:00Z");
    const third = await cancelEnrolment({ db, actor: member("u-m4", "Ana Member"), input: { id: await enrolmentId(handle, "bk-small-3") }, now: late });
    expect(third.promoted).toEqual([]);
    const taken = await enrolInClass({ db, actor: newcomer, input: { classId: "ts-group-small" }, now: late });
    expect(taken.enrolment.status).toBe("confirmed");
    const { class: view } = await getClass({ db, actor: owner, input: { id: "ts-group-small" } });
    expect(view).toMatchObject({ confirmed: 3, waitlisted: 1, placesLeft: 0 });
  });

  // A class of 10 places with 2 held: places left (2 < 10 as numbers, not as text).
  it("confirms a new member in v1's Bootcamp (10 places, 2 held)", async () => {
    const handle = await upgradedV1();
    open.push(handle);
    const db = handle.db;
    const newcomer = await addPerson(db, "member", { name: "New Member" });
    const inBootcamp = await enrolInClass({ db, actor: newcomer, input: { classId: "ts-group" }, now: new Date("2026-10-20T09:00:00Z") });
    expect(inBootcamp.enrolment.status).toBe("confirmed");
    expect((await getClass({ db, actor: owner, input: { id: "ts-group" } })).class).toMatchObject({ confirmed: 3, waitlisted: 1, placesLeft: 7 });
  });
});

async function enrolmentId(handle: DatabaseHandle, v1BookingId: string): Promise<string> {
  const [row] = await selectRows<{ id: string }>(handle.db, sql`SELECT id FROM class_enrolments WHERE v1_booking_id = ${v1BookingId}`);
  return row!.id;
}
