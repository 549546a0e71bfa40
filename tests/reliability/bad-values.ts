// What the bad-input fuzzers send: every field name the API and the server
// actions know (plus a few they do not), and values no field accepts as they
// stand — wrong types, impossible dates and times, unknown zones, oversized
// and control-character strings, years 0000 and 9999, text one character over
// its limit — mixed with the ids of other people's records.
import fc from "fast-check";

export const FIELDS = [
  "coachId", "memberId", "dayOfWeek", "startTime", "endTime", "startDate", "endDate", "frequency", "onConflict",
  "startsAt", "endsAt", "reason", "futureOnly", "weeksAhead", "role", "timezone", "name", "minimumNoticeMinutes",
  "defaultDuration", "rules", "cancelAffected", "action", "note", "status", "from", "to", "duration", "limit",
  "id", "recurringBookingId", "__proto__", "constructor", "isAdmin",
];

export const OVERSIZED = "x".repeat(300_000);

/** Dates and instants outside the years any request may name (1900..2200): once a 500 from SQL. */
export const FAR_DATES = ["0000-01-01", "0000-12-31", "9999-12-31", "1899-12-31", "2201-01-01", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "+275760-09-13T00:00:00Z"];

/** One character over the free-text limit (1000) and the name limit (100). */
export const OVER_LIMIT = ["t".repeat(1001), "n".repeat(101)];

/** `othersIds` is called when a value is drawn: the ids exist only once the data is written. */
export function badValue(othersIds: () => string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(
      "2027-02-30", "2027-13-01", "2026-02-29", "24:00", "10:60", "9:00", "25:61", "2027-02-30T10:00:00Z",
      "2027-03-01T24:00:00Z", "2027-03-01T10:00:00", "yesterday", "Mars/Olympus", "UTC+25", "Europe/Atlantis", "",
      " ", "\u0000", "' OR 1=1 --", "<script>", OVERSIZED, -1, 7, 53, 0, 2.5, 1e20, -1e20, Number.MAX_SAFE_INTEGER,
      true, null, [], {}, [null], { nested: { deep: true } }, "NaN", "Infinity", ...FAR_DATES, ...OVER_LIMIT,
    ),
    fc.nat().map((n) => othersIds()[n % othersIds().length]),
    fc.string({ maxLength: 40 }),
    fc.integer(),
    fc.double(),
  );
}
