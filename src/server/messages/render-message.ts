// One outbox message as its recipient sees it: subject, plain text and HTML
// in their language and time zone, the calendar attachment for messages about
// sessions, and the headers (Content-Language, one-click unsubscribe). Pure:
// the worker and the owner's Outbox page render the same row the same way.
import { buildCalendar, sessionSequence, sessionUid, type CalendarEvent, type CalendarMethod } from "@/domain/icalendar";
import { isLocale, type Locale } from "@/domain/locale";
import { isUnsubscribable, type MessageKind } from "@/domain/message-kind";
import { catalogFor, type Catalog } from "./catalog";
import type { UnsubscribeLinks } from "./unsubscribe-token";
import type {
  ChangedBy,
  ClassPlacePayload,
  ConflictPayload,
  DatedSession,
  DigestPayload,
  LinkPayload,
  ReminderPayload,
  SeriesCancelledPayload,
  SeriesConfirmedPayload,
  SeriesSnapshot,
  SessionPayload,
  SessionSnapshot,
  WelcomePayload,
} from "./payloads";

export interface Recipient {
  id: string;
  name: string;
  email: string;
  locale: string;
  /** The recipient's own zone, or null (then the coach's zone, then the business zone). */
  timezone: string | null;
}

export interface RenderContext {
  /** https://studio.example: links in the message. */
  baseUrl: string;
  /** The sender, also the calendar invitations' organizer. */
  from: { name: string; email: string };
  businessZone: string;
  /** The unsubscribe links of reminders and digests. */
  unsubscribe?: UnsubscribeLinks;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  language: Locale;
  calendar: { method: Exclude<CalendarMethod, "PUBLISH">; content: string } | null;
  headers: Record<string, string>;
}

/** The parts of a message body: paragraphs, an optional list, a call to action. */
interface Body {
  subject: string;
  paragraphs: string[];
  list?: string[];
  action?: { label: string; url: string };
  calendar?: { method: "REQUEST" | "CANCEL"; events: CalendarEvent[] };
}

export function renderMessage(
  message: { id: string; kind: MessageKind; payload: unknown; createdAt: Date },
  recipient: Recipient,
  context: RenderContext,
): RenderedMessage {
  const locale: Locale = isLocale(recipient.locale) ? recipient.locale : "en";
  const t = catalogFor(locale);
  const view = new MessageView(t, recipient, context, message.createdAt);
  const body = bodyOf(message.kind, message.payload, view);
  const links = isUnsubscribable(message.kind) ? context.unsubscribe : undefined;
  const unsubscribe = links?.pageUrl;

  const paragraphs = [t.hello(recipient.name), ...body.paragraphs];
  const footer = unsubscribe ? `${t.footerUnsubscribe} ${unsubscribe}` : t.footerAccount;
  const text = [
    ...paragraphs,
    ...(body.list && body.list.length > 0 ? [body.list.map((item) => `- ${item}`).join("\n")] : []),
    ...(body.action ? [`${body.action.label}: ${body.action.url}`] : []),
    t.signOff,
    `--\n${footer}`,
  ].join("\n\n");

  const headers: Record<string, string> = { "Content-Language": locale };
  if (links) {
    headers["List-Unsubscribe"] = `<${links.oneClickUrl}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  return {
    subject: body.subject,
    text,
    html: htmlOf(locale, body, paragraphs, t, unsubscribe),
    language: locale,
    calendar: body.calendar
      ? { method: body.calendar.method, content: buildCalendar({ method: body.calendar.method, events: body.calendar.events }) }
      : null,
    headers,
  };
}

function bodyOf(kind: MessageKind, payload: unknown, view: MessageView): Body {
  const t = view.t;
  switch (kind) {
    case "password_reset": {
      const { url } = payload as LinkPayload;
      const c = t.password_reset;
      return { subject: c.subject, paragraphs: [c.intro, c.expiry, c.ignore], action: { label: c.action, url } };
    }
    case "email_verification": {
      const { url } = payload as LinkPayload;
      const c = t.email_verification;
      return { subject: c.subject, paragraphs: [c.intro, c.ignore], action: { label: c.action, url } };
    }
    case "welcome": {
      const { setPasswordUrl, signInUrl } = payload as WelcomePayload;
      const c = t.welcome;
      return {
        subject: c.subject,
        paragraphs: [c.intro(view.context.from.name), `${c.then} ${signInUrl}`],
        action: { label: c.action, url: setPasswordUrl },
      };
    }
    case "booking_confirmed": {
      const { session } = payload as SessionPayload;
      const c = t.booking_confirmed;
      return {
        subject: c.subject(view.sessionShort(session)),
        paragraphs: [c.intro, ...view.sessionLines(session)],
        action: { label: c.action, url: view.link(view.isCoach(session) ? "/coach" : "/member/sessions") },
        calendar: { method: "REQUEST", events: [view.event(session, "scheduled")] },
      };
    }
    case "session_cancelled": {
      const p = payload as SessionPayload;
      const c = t.session_cancelled;
      return {
        subject: c.subject(view.sessionShort(p.session)),
        paragraphs: [c.intro(view.cancelledBy(p)), ...view.sessionLines(p.session), ...view.reasonLine(p.reason)],
        action: view.isCoach(p.session) ? undefined : { label: c.action, url: view.link(`/member/coaches/${p.session.coachId}`) },
        calendar: { method: "CANCEL", events: [view.event(p.session, "cancelled")] },
      };
    }
    case "no_show": {
      const p = payload as SessionPayload;
      const c = t.no_show;
      return { subject: c.subject(view.sessionShort(p.session)), paragraphs: [c.intro, ...view.sessionLines(p.session)] };
    }
    case "series_confirmed": {
      const p = payload as SeriesConfirmedPayload;
      const c = t.series_confirmed;
      const rule = view.rule(p.series);
      const list = [
        c.placed(p.sessions.length),
        ...p.sessions.map((s) => `  ${view.range(s.startsAt, s.endsAt, p.series.coachZone, view.isSeriesCoach(p.series))}`),
        ...(p.skipped.length > 0
          ? [c.skipped(p.skipped.length), ...p.skipped.map((s) => `  ${view.range(s.startsAt, s.endsAt, p.series.coachZone, view.isSeriesCoach(p.series))} (${t.conflictReason[s.reason]})`)]
          : []),
      ];
      return {
        subject: c.subject(rule),
        paragraphs: [c.intro(rule), `${t.with}: ${view.otherParty(p.series)}`, p.series.endDate ? c.until(view.day(p.series.endDate)) : c.openEnded],
        list,
        action: { label: c.action, url: view.link(view.isSeriesCoach(p.series) ? "/coach" : "/member/recurring") },
        calendar: { method: "REQUEST", events: p.sessions.map((s) => view.seriesEvent(p.series, s, "scheduled")) },
      };
    }
    case "series_cancelled": {
      const p = payload as SeriesCancelledPayload;
      const c = t.series_cancelled;
      const rule = view.rule(p.series);
      return {
        subject: c.subject(rule),
        paragraphs: [c.intro(rule, view.byWho(p.by)), `${t.with}: ${view.otherParty(p.series)}`],
        list: p.sessions.length > 0 ? [c.removed(p.sessions.length), ...p.sessions.map((s) => `  ${view.range(s.startsAt, s.endsAt, p.series.coachZone, view.isSeriesCoach(p.series))}`)] : [],
        calendar: p.sessions.length > 0 ? { method: "CANCEL", events: p.sessions.map((s) => view.seriesEvent(p.series, s, "cancelled")) } : undefined,
      };
    }
    case "occurrence_conflict": {
      const { conflict } = payload as ConflictPayload;
      const c = t.occurrence_conflict;
      const isCoach = view.recipient.id === conflict.coachId;
      const when = view.range(conflict.startsAt, conflict.endsAt, conflict.coachZone, isCoach);
      return {
        subject: c.subject(when),
        paragraphs: [c.intro, `${t.when}: ${when}`, `${t.reasonLabel}: ${t.conflictReason[conflict.reason]}`],
        action: { label: c.action, url: view.link(isCoach ? "/coach/conflicts" : "/member/recurring") },
      };
    }
    case "conflict_resolved": {
      const { conflict, resolution, sessionId } = payload as ConflictPayload;
      const c = t.conflict_resolved;
      const when = view.range(conflict.startsAt, conflict.endsAt, conflict.coachZone, view.recipient.id === conflict.coachId);
      const placed = resolution === "placed" && sessionId;
      return {
        subject: c.subject(when),
        paragraphs: [placed ? c.placed : c.dismissed, `${t.when}: ${when}`],
        calendar: placed
          ? {
              method: "REQUEST",
              events: [
                view.event(
                  {
                    id: sessionId,
                    startsAt: conflict.startsAt,
                    endsAt: conflict.endsAt,
                    status: "scheduled",
                    coachId: conflict.coachId,
                    coachName: conflict.coachName,
                    coachZone: conflict.coachZone,
                    memberId: conflict.memberId,
                    memberName: conflict.memberName,
                    recurringBookingId: conflict.recurringBookingId,
                  },
                  "scheduled",
                ),
              ],
            }
          : undefined,
      };
    }
    case "reminder": {
      const { session, lead } = payload as ReminderPayload;
      const c = t.reminder;
      return {
        subject: c.subject(view.sessionShort(session), c.lead[lead]),
        paragraphs: [c.intro(c.lead[lead]), ...view.sessionLines(session)],
        calendar: { method: "REQUEST", events: [view.event(session, "scheduled")] },
      };
    }
    case "class_enrolled":
    case "class_promoted": {
      const { session } = payload as ClassPlacePayload;
      const c = kind === "class_enrolled" ? t.class_enrolled : t.class_promoted;
      const title = session.title ?? "";
      return {
        subject: c.subject(title, view.sessionShort(session)),
        paragraphs: [c.intro(title), ...view.sessionLines(session)],
        action: { label: c.action, url: view.link("/member/classes") },
        calendar: { method: "REQUEST", events: [view.event(session, "scheduled")] },
      };
    }
    case "class_place_cancelled": {
      const { session, by } = payload as ClassPlacePayload;
      const c = t.class_place_cancelled;
      const title = session.title ?? "";
      return {
        subject: c.subject(title, view.sessionShort(session)),
        paragraphs: [c.intro(title, view.byWho(by)), ...view.sessionLines(session)],
        action: { label: c.action, url: view.link("/member/classes") },
        calendar: { method: "CANCEL", events: [view.event(session, "cancelled")] },
      };
    }
    case "class_waitlisted": {
      const { session, enrolment, cutoffMinutes } = payload as ClassPlacePayload;
      const c = t.class_waitlisted;
      const title = session.title ?? "";
      const hours = cutoffMinutes % 60 === 0 ? `${cutoffMinutes / 60} h` : `${cutoffMinutes} min`;
      return {
        subject: c.subject(title, view.sessionShort(session)),
        paragraphs: [c.intro(title, enrolment.position ?? 1), ...view.sessionLines(session), c.promise(hours)],
        action: { label: c.action, url: view.link("/member/classes") },
      };
    }
    case "owner_digest": {
      const p = payload as DigestPayload;
      const c = t.owner_digest;
      const date = view.day(p.date);
      const run = p.run === null ? c.noRun : p.run.status === "failed" ? c.failedRun(p.run.error ?? "?") : c.run(p.run.created, p.run.conflicts, p.run.completed);
      return {
        subject: c.subject(date),
        paragraphs: [c.intro(date)],
        list: [run, c.openConflicts(p.openConflicts), c.failedDeliveries(p.failedDeliveries)],
        action: { label: c.action, url: view.link("/owner/outbox") },
      };
    }
  }
}

/** Formatting in the recipient's language and zone. */
class MessageView {
  constructor(
    readonly t: Catalog,
    readonly recipient: Recipient,
    readonly context: RenderContext,
    readonly stamp: Date,
  ) {}

  /** The recipient's zone: their own, else (for the coach of the session) the coach's, else the business zone. */
  zone(coachZone: string, isCoach: boolean): string {
    return this.recipient.timezone ?? (isCoach ? coachZone : this.context.businessZone);
  }

  isCoach(session: SessionSnapshot): boolean {
    return this.recipient.id === session.coachId;
  }

  isSeriesCoach(series: SeriesSnapshot): boolean {
    return this.recipient.id === series.coachId;
  }

  link(path: string): string {
    return `${this.context.baseUrl}${path}`;
  }

  private format(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    return new Intl.DateTimeFormat(this.t.intl, { timeZone: zone, ...options });
  }

  /** "Tuesday 9 March 2027, 10:00–11:00 (Europe/Paris)" in the recipient's zone, plus the coach's time when it differs. */
  range(startsAt: string, endsAt: string, coachZone: string, isCoach = false): string {
    const zone = this.zone(coachZone, isCoach);
    const day = this.format(zone, { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(new Date(startsAt));
    const time = (z: string) => {
      const f = this.format(z, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
      return `${f.format(new Date(startsAt))}–${f.format(new Date(endsAt))}`;
    };
    const own = `${day}, ${time(zone)} (${zone})`;
    return zone === coachZone ? own : `${own}; ${this.t.coachTime(time(coachZone), coachZone)}`;
  }

  sessionShort(session: SessionSnapshot): string {
    const zone = this.zone(session.coachZone, this.isCoach(session));
    return this.format(zone, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
      new Date(session.startsAt),
    );
  }

  /** A calendar date (YYYY-MM-DD) written out, without any zone arithmetic. */
  day(date: string): string {
    return this.format("UTC", { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(new Date(`${date}T12:00:00Z`));
  }

  sessionLines(session: SessionSnapshot): string[] {
    const when = `${this.t.when}: ${this.range(session.startsAt, session.endsAt, session.coachZone, this.isCoach(session))}`;
    // A class: its title, and its coach for the members.
    if (session.title) return [when, this.isCoach(session) ? session.title : this.t.classWith(session.title, session.coachName)];
    const other = this.isCoach(session) ? (session.memberName ?? "") : session.coachName;
    return [when, `${this.t.with}: ${other}`];
  }

  otherParty(series: SeriesSnapshot): string {
    return this.isSeriesCoach(series) ? series.memberName : series.coachName;
  }

  reasonLine(reason: string | null): string[] {
    return reason ? [`${this.t.reasonLabel}: ${reason}`] : [];
  }

  byWho(by: ChangedBy | null): string {
    if (!by) return this.t.byWho.system;
    if (by.role === "owner") return this.t.byWho.owner;
    return by.role === "coach" ? this.t.byWho.coach(by.name) : this.t.byWho.member(by.name);
  }

  cancelledBy(p: SessionPayload): string {
    const who = this.byWho(p.by);
    switch (p.cause) {
      case "time_off":
        return `${who}, ${this.t.because.time_off(p.session.coachName)}`;
      case "availability":
        return `${who}, ${this.t.because.availability(p.session.coachName)}`;
      case "series":
        return `${who}, ${this.t.because.series}`;
      default:
        return who;
    }
  }

  /** "every Tuesday 10:00–11:00" in the coach's wall-clock time (a series is wall-clock). */
  rule(series: SeriesSnapshot): string {
    // 2023-01-01 was a Sunday: day 0.
    const weekday = this.format("UTC", { weekday: "long" }).format(new Date(Date.UTC(2023, 0, 1 + series.dayOfWeek, 12)));
    const zone = this.recipient.timezone && this.recipient.timezone !== series.coachZone ? ` (${series.coachZone})` : "";
    return this.t.weekly(weekday, `${series.startTime}–${series.endTime}${zone}`, series.frequency);
  }

  event(session: SessionSnapshot, status: "scheduled" | "cancelled"): CalendarEvent {
    const other = this.isCoach(session) ? (session.memberName ?? "") : session.coachName;
    return {
      uid: sessionUid(session.id),
      sequence: sessionSequence(status),
      start: new Date(session.startsAt),
      end: new Date(session.endsAt),
      stamp: this.stamp,
      summary: session.title ? (this.isCoach(session) ? session.title : this.t.classWith(session.title, session.coachName)) : this.t.sessionWith(other),
      status: status === "cancelled" ? "CANCELLED" : "CONFIRMED",
      organizer: this.context.from,
      attendees: [{ name: this.recipient.name, email: this.recipient.email }],
      url: this.link(this.isCoach(session) ? "/coach" : "/member/sessions"),
    };
  }

  seriesEvent(series: SeriesSnapshot, session: DatedSession, status: "scheduled" | "cancelled"): CalendarEvent {
    return this.event(
      {
        ...session,
        status,
        coachId: series.coachId,
        coachName: series.coachName,
        coachZone: series.coachZone,
        memberId: series.memberId,
        memberName: series.memberName,
        recurringBookingId: series.id,
      },
      status,
    );
  }
}

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

function htmlOf(locale: Locale, body: Body, paragraphs: string[], t: Catalog, unsubscribe: string | undefined): string {
  const p = (text: string) => `<p style="margin:0 0 12px">${escapeHtml(text)}</p>`;
  const list = body.list && body.list.length > 0 ? `<ul style="margin:0 0 12px;padding-left:20px">${body.list.map((item) => `<li>${escapeHtml(item.trim())}</li>`).join("")}</ul>` : "";
  const action = body.action
    ? `<p style="margin:16px 0"><a href="${escapeHtml(body.action.url)}" style="background:#0f172a;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(body.action.label)}</a></p>`
    : "";
  const footer = unsubscribe
    ? `${escapeHtml(t.footerUnsubscribe)} <a href="${escapeHtml(unsubscribe)}">${escapeHtml(t.unsubscribeLink)}</a>`
    : escapeHtml(t.footerAccount);
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(body.subject)}</title></head>
<body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#0f172a;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">
${paragraphs.map(p).join("\n")}
${list}
${action}
${p(t.signOff)}
<hr style="border:none;border-top:1px solid #e2e8f0;margin:24px 0 12px">
<p style="font-size:12px;color:#64748b;margin:0">${footer}</p>
</body></html>`;
}
