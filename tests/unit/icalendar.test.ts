// The iCalendar writer against a real parser (ical.js): escaping, folding of
// long lines (never inside a UTF-8 character), UTC times, and a cancellation.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, sessionSequence, sessionUid } from "@/domain/icalendar";
import { localeFromAcceptLanguage } from "@/domain/locale";

const event = {
  uid: sessionUid("abc"),
  sequence: 0,
  start: new Date("2027-03-14T06:30:00Z"),
  end: new Date("2027-03-14T07:30:00Z"),
  stamp: new Date("2027-03-01T00:00:00Z"),
  summary: "Séance avec Zoë; court, \"intense\", \\ et plus",
  description: `Ligne une\nLigne deux — ${"é".repeat(80)}`,
  status: "CONFIRMED" as const,
  organizer: { name: "Studio, Nord", email: "desk@studio.example" },
  attendees: [{ name: "Marc", email: "marc@example.com" }],
};

describe("buildCalendar", () => {
  it("writes what a parser reads back exactly", () => {
    const text = buildCalendar({ method: "REQUEST", events: [event] });
    for (const line of text.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text.endsWith("\r\n")).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    const parsed = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect(parsed.uid).toBe("session-abc@coachbook");
    expect(parsed.summary).toBe(event.summary);
    expect(parsed.description).toBe(event.description);
    expect(parsed.startDate.toJSDate().toISOString()).toBe("2027-03-14T06:30:00.000Z");
    expect(parsed.startDate.zone.tzid).toBe("UTC");
  });

  it("a cancellation is STATUS:CANCELLED with a higher SEQUENCE", () => {
    const text = buildCalendar({ method: "CANCEL", events: [{ ...event, sequence: sessionSequence("cancelled") }] });
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!;
    expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(vevent.getFirstPropertyValue("sequence")).toBe(1);
  });
});

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["fr-CA,fr;q=0.9,en;q=0.8", "fr"],
    ["de-DE,de;q=0.9,fr;q=0.5,en;q=0.4", "fr"],
    ["en-US,en;q=0.9", "en"],
    ["es", "en"],
    ["fr;q=0", "en"],
    ["", "en"],
    [null, "en"],
  ])("%s → %s", (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});
