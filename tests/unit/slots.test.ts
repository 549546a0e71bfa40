// enumerateSlots(): free ranges → aligned, bookable slots. Pure, so every
// case is exact instants: local :00/:30 alignment in +05:45, minimum notice,
// ranges too short for the duration, both DST changes in New York and a
// 15-minute offset change (Kathmandu, 1986) that breaks naive 30-minute steps.
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { daysInclusive, enumerateSlots, localDatesWindow, nextAlignedStart, type InstantRange } from "@/domain/slots";

const at = (iso: string) => new Date(iso);
const range = (start: string, end: string): InstantRange => ({ start: at(start), end: at(end) });
const WIDE = range("1900-01-01T00:00:00Z", "2100-01-01T00:00:00Z");

function starts(input: Partial<Parameters<typeof enumerateSlots>[0]> & { free: InstantRange[] }): string[] {
  return enumerateSlots({
    timeZone: "UTC",
    durationMinutes: 60,
    earliestStart: at("1900-01-01T00:00:00Z"),
    window: WIDE,
    ...input,
  }).map((slot) => slot.startsAt.toISOString());
}

describe("enumerateSlots", () => {
  it("aligns starts to :00 and :30 of the coach's wall clock in a +05:45 zone (:15 and :45 UTC)", () => {
    // 08:45–11:45 in Kathmandu
    const free = [range("2027-03-01T03:00:00Z", "2027-03-01T06:00:00Z")];
    expect(starts({ free, timeZone: "Asia/Kathmandu" })).toEqual([
      "2027-03-01T03:15:00.000Z", // 09:00
      "2027-03-01T03:45:00.000Z", // 09:30
      "2027-03-01T04:15:00.000Z", // 10:00
      "2027-03-01T04:45:00.000Z", // 10:30, ends 11:30 local; 11:00 would end after 11:45
    ]);
  });

  it("aligns in a +05:30 zone too (:00 and :30 UTC, by coincidence)", () => {
    const free = [range("2027-03-01T03:40:00Z", "2027-03-01T05:30:00Z")]; // 09:10–11:00 Kolkata
    expect(starts({ free, timeZone: "Asia/Kolkata" })).toEqual(["2027-03-01T04:00:00.000Z", "2027-03-01T04:30:00.000Z"]);
  });

  it("gives each slot the duration and keeps it wholly inside the free range", () => {
    const slots = enumerateSlots({
      free: [range("2027-03-01T09:00:00Z", "2027-03-01T10:30:00Z")],
      timeZone: "UTC",
      durationMinutes: 45,
      earliestStart: at("2027-01-01T00:00:00Z"),
      window: WIDE,
    });
    expect(slots.map((slot) => [slot.startsAt.toISOString(), slot.endsAt.toISOString()])).toEqual([
      ["2027-03-01T09:00:00.000Z", "2027-03-01T09:45:00.000Z"],
      ["2027-03-01T09:30:00.000Z", "2027-03-01T10:15:00.000Z"],
    ]);
  });

  it("starts no slot before the minimum notice (the next aligned start after it)", () => {
    const free = [range("2027-03-01T09:00:00Z", "2027-03-01T13:00:00Z")];
    expect(starts({ free, earliestStart: at("2027-03-01T10:10:00Z") })).toEqual([
      "2027-03-01T10:30:00.000Z",
      "2027-03-01T11:00:00.000Z",
      "2027-03-01T11:30:00.000Z",
      "2027-03-01T12:00:00.000Z",
    ]);
    // A notice that falls exactly on an aligned start keeps that start.
    expect(starts({ free, earliestStart: at("2027-03-01T12:00:00Z") })).toEqual(["2027-03-01T12:00:00.000Z"]);
  });

  it("offers nothing in a range shorter than the duration, or too short once aligned", () => {
    expect(starts({ free: [range("2027-03-01T10:00:00Z", "2027-03-01T10:45:00Z")] })).toEqual([]);
    expect(starts({ free: [range("2027-03-01T10:10:00Z", "2027-03-01T11:10:00Z")] })).toEqual([]);
    expect(starts({ free: [range("2027-03-01T10:10:00Z", "2027-03-01T11:30:00Z")] })).toEqual(["2027-03-01T10:30:00.000Z"]);
    expect(starts({ free: [] })).toEqual([]);
  });

  it("keeps starts inside the window (a slot may end after it) and sorts ranges given in any order", () => {
    const free = [range("2027-03-02T22:00:00Z", "2027-03-03T02:00:00Z"), range("2027-03-01T08:00:00Z", "2027-03-01T10:00:00Z")];
    const window = range("2027-03-01T08:30:00Z", "2027-03-03T00:00:00Z");
    expect(starts({ free, window })).toEqual([
      "2027-03-01T08:30:00.000Z",
      "2027-03-01T09:00:00.000Z",
      "2027-03-02T22:00:00.000Z",
      "2027-03-02T22:30:00.000Z",
      "2027-03-02T23:00:00.000Z",
      "2027-03-02T23:30:00.000Z", // ends 00:30 on the 3rd: it starts inside the window
    ]);
  });

  it("steps over the spring-forward gap in New York: 01:30 EST is followed by 03:00 EDT", () => {
    // 2027-03-14, 00:00 EST (05:00Z) to 05:00 EDT (09:00Z)
    const free = [range("2027-03-14T05:00:00Z", "2027-03-14T09:00:00Z")];
    const slots = enumerateSlots({
      free,
      timeZone: "America/New_York",
      durationMinutes: 30,
      earliestStart: at("2027-01-01T00:00:00Z"),
      window: WIDE,
    });
    const local = slots.map((slot) => {
      const zoned = Temporal.Instant.fromEpochMilliseconds(slot.startsAt.getTime()).toZonedDateTimeISO("America/New_York");
      return `${zoned.toPlainTime().toString({ smallestUnit: "minute" })} ${zoned.offset}`;
    });
    expect(local).toEqual([
      "00:00 -05:00",
      "00:30 -05:00",
      "01:00 -05:00",
      "01:30 -05:00",
      "03:00 -04:00",
      "03:30 -04:00",
      "04:00 -04:00",
      "04:30 -04:00",
    ]);
  });

  it("offers both 01:00s on the fall-back day in New York (they are different instants)", () => {
    // 2027-11-07, 00:30 EDT (04:30Z) to 02:30 EST (07:30Z)
    const free = [range("2027-11-07T04:30:00Z", "2027-11-07T07:30:00Z")];
    expect(starts({ free, timeZone: "America/New_York", durationMinutes: 30 })).toEqual([
      "2027-11-07T04:30:00.000Z", // 00:30 EDT
      "2027-11-07T05:00:00.000Z", // 01:00 EDT
      "2027-11-07T05:30:00.000Z", // 01:30 EDT
      "2027-11-07T06:00:00.000Z", // 01:00 EST
      "2027-11-07T06:30:00.000Z", // 01:30 EST
      "2027-11-07T07:00:00.000Z", // 02:00 EST
    ]);
  });

  it("re-aligns after an offset change that is not a multiple of 30 minutes (Kathmandu, +05:30 → +05:45 in 1986)", () => {
    // The change happened at 1985-12-31T18:30Z (local midnight +05:30 became 00:15 +05:45).
    expect(new Date(nextAlignedStart(Date.parse("1985-12-31T18:25:00Z"), "Asia/Kathmandu")).toISOString()).toBe(
      "1985-12-31T18:45:00.000Z", // 00:30 +05:45
    );
    const free = [range("1985-12-31T17:30:00Z", "1985-12-31T19:45:00Z")];
    expect(starts({ free, timeZone: "Asia/Kathmandu", durationMinutes: 30 })).toEqual([
      "1985-12-31T17:30:00.000Z", // 23:00 +05:30
      "1985-12-31T18:00:00.000Z", // 23:30 +05:30
      "1985-12-31T18:45:00.000Z", // 00:30 +05:45
      "1985-12-31T19:15:00.000Z", // 01:00 +05:45
    ]);
  });
});

describe("localDatesWindow", () => {
  it("runs from local midnight of the first date to local midnight after the last", () => {
    expect(localDatesWindow("2027-03-01", "2027-03-01", "Asia/Kathmandu")).toEqual(
      range("2027-02-28T18:15:00Z", "2027-03-01T18:15:00Z"),
    );
    // The DST week in New York: 23 hours shorter by one.
    const week = localDatesWindow("2027-03-08", "2027-03-14", "America/New_York");
    expect(week).toEqual(range("2027-03-08T05:00:00Z", "2027-03-15T04:00:00Z"));
  });

  it("counts days inclusively", () => {
    expect(daysInclusive("2027-03-01", "2027-03-01")).toBe(1);
    expect(daysInclusive("2027-02-27", "2027-03-01")).toBe(3);
    expect(daysInclusive("2027-03-01", "2027-02-28")).toBe(0);
  });
});
