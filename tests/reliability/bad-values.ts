// What the bad-input fuzzers send: every field name the API and the server
// actions know (plus a few they do not), and values no field accepts as they
// stand — wrong types, impossible dates and times, unknown zones, oversized
// and control-character strings — mixed with the ids of other people's records.
import fc from "fast-check";

export const FIELDS = [
  "coachId", "memberId", "dayOfWeek", "startTime", "endTime", "startDate", "endDate", "frequency", "onConflict",
  "startsAt", "endsAt", "reason", "futureOnly", "weeksAhead", "role", "timezone", "name", "minimumNoticeMinutes",
  "defaultDuration", "rules", "cancelAffected", "action", "note", "status", "from", "to", "duration", "limit",
  "id", "recurringBookingId", "__proto__", "constructor", "isAdmin",
];

export const OVERSIZED = "x".repeat(300_000);

/** `othersIds` is called when a value is drawn: the ids exist only once the data is written. */
export function badValue(othersIds: () => string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(
      "2027-02-30", "2027-13-01", "2026-02-29", "24:00", "10:60", "9:00", "25:61", "2027-02-30T10:00:00Z",
      "2027-03-01T24:00:00Z", "2027-03-01T10:00:00", "yesterday", "Mars/Olympus", "UTC+25", "Europe/Atlantis", "",
      " ", "\u0000", "' OR 1=1 --", "<script>", OVERSIZED, -1, 7, 53, 0, 2.5, 1e20, -1e20, Number.MAX_SAFE_INTEGER,
      true, null, [], {}, [null], { nested: { deep: true } }, "NaN", "Infinity",
    ),
    fc.nat().map((n) => othersIds()[n % othersIds().length]),
    fc.string({ maxLength: 40 }),
    fc.integer(),
    fc.double(),
  );
}
