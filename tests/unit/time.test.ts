import { describe, expect, it } from "vitest";
import { instantToWallClock, isValidTimeZone, wallClockEnd, wallClockToInstant } from "@/domain/time";

describe("wallClockToInstant", () => {
  it("keeps 10:00 local across the New York spring-forward (issue 3's DST example)", () => {
    expect(wallClockToInstant("2027-03-07", "10:00", "America/New_York").toISOString()).toBe("2027-03-07T15:00:00.000Z");
    expect(wallClockToInstant("2027-03-14", "10:00", "America/New_York").toISOString()).toBe("2027-03-14T14:00:00.000Z");
  });

  it("moves a time inside the spring-forward gap forward by the gap", () => {
    // Paris skips 02:00–03:00 on 2027-03-28: 02:30 becomes 03:30 CEST.
    expect(wallClockToInstant("2027-03-28", "02:30", "Europe/Paris").toISOString()).toBe("2027-03-28T01:30:00.000Z");
  });

  it("takes the earlier instant for a time that occurs twice", () => {
    // Paris repeats 02:00–03:00 on 2027-10-31: 02:30 CEST (UTC+2) comes first.
    expect(wallClockToInstant("2027-10-31", "02:30", "Europe/Paris").toISOString()).toBe("2027-10-31T00:30:00.000Z");
  });

  it("handles half-hour offsets and the southern hemisphere", () => {
    expect(wallClockToInstant("2027-01-10", "09:00", "Asia/Kolkata").toISOString()).toBe("2027-01-10T03:30:00.000Z");
    // Sydney is on daylight time (UTC+11) in January.
    expect(wallClockToInstant("2027-01-10", "09:00", "Australia/Sydney").toISOString()).toBe("2027-01-09T22:00:00.000Z");
  });

  it("round-trips through instantToWallClock outside gaps", () => {
    const instant = wallClockToInstant("2027-06-01", "18:45", "America/New_York");
    expect(instantToWallClock(instant, "America/New_York")).toEqual({ date: "2027-06-01", time: "18:45" });
  });

  it("rejects impossible dates and times", () => {
    expect(() => wallClockToInstant("2027-02-30", "10:00", "UTC")).toThrow();
    expect(() => wallClockToInstant("2027-02-01", "10:60", "UTC")).toThrow();
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA zones and refuses unknown ones", () => {
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});

describe("wallClockEnd", () => {
  it("is the end's own instant on ordinary days and across an hour that repeats", () => {
    expect(wallClockEnd("2027-03-14", "10:00", "11:00", "America/New_York").toISOString()).toBe("2027-03-14T15:00:00.000Z");
    expect(wallClockEnd("2027-11-07", "00:30", "01:30", "America/New_York").toISOString()).toBe("2027-11-07T05:30:00.000Z");
  });

  it("keeps the wall-clock length when a gap pushes the start to or past the end", () => {
    // 02:30 → 03:30 EDT, but 03:00 EDT exists: 03:30–04:00 EDT.
    expect(wallClockEnd("2027-03-14", "02:30", "03:00", "America/New_York").toISOString()).toBe("2027-03-14T08:00:00.000Z");
    // 02:30–03:30: both shift to the same instant; still 60 minutes.
    expect(wallClockEnd("2027-03-14", "02:30", "03:30", "America/New_York").toISOString()).toBe("2027-03-14T08:30:00.000Z");
    // 02:00–02:30 entirely inside the gap: 03:00–03:30 EDT.
    expect(wallClockEnd("2027-03-14", "02:00", "02:30", "America/New_York").toISOString()).toBe("2027-03-14T07:30:00.000Z");
  });
});
