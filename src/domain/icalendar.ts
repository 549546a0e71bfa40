// iCalendar (RFC 5545) text for invitations, cancellations and feeds.
// Times are written in UTC ("…Z"), so every client places them right
// across daylight-saving changes without a VTIMEZONE. One stable UID per
// session (sessionUid()), SEQUENCE raised when the session changes: that is
// how Google, Apple and Outlook calendars match a cancellation to the event
// an invitation added (RFC 5546, iTIP).

export type CalendarMethod = "REQUEST" | "CANCEL" | "PUBLISH";

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface CalendarEvent {
  uid: string;
  /** 0 for a scheduled session; raised by each change after (cancelled: 1). */
  sequence: number;
  start: Date;
  end: Date;
  /** When this version of the event was written (DTSTAMP). */
  stamp: Date;
  summary: string;
  description?: string;
  status: "CONFIRMED" | "CANCELLED";
  organizer?: CalendarPerson;
  attendees?: CalendarPerson[];
  url?: string;
}

export interface CalendarOptions {
  method: CalendarMethod;
  /** The calendar's display name (feeds). */
  name?: string;
  events: CalendarEvent[];
}

const PRODUCT_ID = "-//Coachbook//Coachbook//EN";

/** The UID of a session's event, the same in every message and feed. */
export function sessionUid(sessionId: string): string {
  return `session-${sessionId}@coachbook`;
}

/** A session's SEQUENCE: 0 while scheduled, 1 once cancelled (sessions never move; cancelling is their one change). */
export function sessionSequence(status: string): number {
  return status === "cancelled" ? 1 : 0;
}

export function buildCalendar(options: CalendarOptions): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${PRODUCT_ID}`, "CALSCALE:GREGORIAN", `METHOD:${options.method}`];
  if (options.name) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`, `NAME:${escapeText(options.name)}`);
  for (const event of options.events) lines.push(...eventLines(event, options.method));
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}

function eventLines(event: CalendarEvent, method: CalendarMethod): string[] {
  const status = method === "CANCEL" ? "CANCELLED" : event.status;
  const lines = [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utc(event.stamp)}`,
    `DTSTART:${utc(event.start)}`,
    `DTEND:${utc(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `STATUS:${status}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.url) lines.push(`URL:${event.url}`);
  if (event.organizer) lines.push(`ORGANIZER;CN=${paramValue(event.organizer.name)}:mailto:${event.organizer.email}`);
  for (const attendee of event.attendees ?? []) {
    lines.push(`ATTENDEE;CN=${paramValue(attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:${attendee.email}`);
  }
  if (status === "CANCELLED") lines.push("TRANSP:TRANSPARENT");
  lines.push("END:VEVENT");
  return lines;
}

/** 20270314T093000Z */
function utc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** A parameter value: quoted, with the characters a quoted value cannot hold removed. */
function paramValue(value: string): string {
  return `"${value.replace(/["\r\n]/g, "")}"`;
}

/** Lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 character. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const length = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + length > limit) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += length;
  }
  parts.push(current);
  return parts.join("\r\n ");
}
