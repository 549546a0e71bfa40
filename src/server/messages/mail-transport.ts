// Where messages go. SMTP_URL (smtp://user:pass@host:587, smtps://…:465)
// sends through nodemailer; without it (the embedded default) the local
// mailbox "delivers" them: the message is kept in the outbox, where the
// owner's Outbox page shows it as its recipient would see it.
import nodemailer from "nodemailer";
import type { RenderedMessage } from "./render-message";

export interface OutgoingMail {
  /** The outbox row's id: the Message-ID is made from it, the same on every attempt. */
  id: string;
  to: { name: string; email: string };
  rendered: RenderedMessage;
}

export interface MailTransport {
  kind: "smtp" | "mailbox";
  /** Where mail goes, for the log: never the password. */
  describe(): string;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** A delivery that will never succeed (the server refused the message or its recipient: 5xx). */
export class PermanentDeliveryError extends Error {}

export interface MailSettings {
  smtpUrl: string | null;
  from: { name: string; email: string };
}

export function mailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings {
  return { smtpUrl: env.SMTP_URL?.trim() || null, from: parseFrom(env.MAIL_FROM) };
}

/** MAIL_FROM: "Studio Name <bookings@studio.example>" or a bare address; default Coachbook <no-reply@coachbook.localhost>. */
export function parseFrom(value: string | undefined): { name: string; email: string } {
  const text = value?.trim();
  if (!text) return { name: "Coachbook", email: "no-reply@coachbook.localhost" };
  const match = /^(.*)<([^<>\s]+@[^<>\s]+)>$/.exec(text);
  if (match) return { name: match[1]!.trim().replace(/^"|"$/g, "") || "Coachbook", email: match[2]! };
  return { name: "Coachbook", email: text };
}

export function createMailTransport(settings: MailSettings = mailSettings()): MailTransport {
  if (!settings.smtpUrl) {
    return {
      kind: "mailbox",
      describe: () => "the local mailbox (no SMTP_URL): the owner's Outbox page shows every message",
      send: async () => {},
      close: () => {},
    };
  }
  const url = new URL(settings.smtpUrl);
  const transporter = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === "smtps:" ? 465 : 587,
    secure: url.protocol === "smtps:",
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // A loopback or internal relay without a certificate: ?tls=insecure.
    tls: url.searchParams.get("tls") === "insecure" ? { rejectUnauthorized: false } : undefined,
    pool: true,
    maxConnections: 4,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  const domain = settings.from.email.split("@")[1] ?? "coachbook.localhost";
  return {
    kind: "smtp",
    describe: () => `SMTP ${url.protocol}//${url.hostname}:${url.port || (url.protocol === "smtps:" ? 465 : 587)}`,
    async send(mail) {
      const { rendered } = mail;
      try {
        await transporter.sendMail({
          from: { name: settings.from.name, address: settings.from.email },
          to: { name: mail.to.name, address: mail.to.email },
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          messageId: `<${mail.id}@${domain}>`,
          headers: rendered.headers,
          // The invitation twice, as calendars expect it: a text/calendar alternative (Google,
          // Outlook act on it) and an invite.ics attachment (Apple Mail, anyone saving it).
          icalEvent: rendered.calendar ? { method: rendered.calendar.method, filename: "invite.ics", content: rendered.calendar.content } : undefined,
          attachments: rendered.calendar
            ? [{ filename: "invite.ics", content: rendered.calendar.content, contentType: `application/ics; method=${rendered.calendar.method}` }]
            : undefined,
        });
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        if (typeof code === "number" && code >= 500) throw new PermanentDeliveryError((error as Error).message);
        throw error;
      }
    },
    close: () => transporter.close(),
  };
}
