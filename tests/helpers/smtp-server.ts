// A real SMTP server in the test process (the smtp-server package), on a free
// loopback port: what the worker sends arrives here over SMTP, parsed with
// mailparser. `refuse` answers a recipient with an SMTP error (4xx: try
// later; 5xx: never); `stall` holds a message's DATA unanswered until
// released, as a slow or dying server would. `openSessions` and
// `waitUntilClosed` say when the server has seen a client's connections
// close (a killed client's, before its held DATA is released).
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  raw: string;
  parsed: ParsedMail;
  /** When the server accepted it (its 250 to DATA), ms since the epoch. */
  acceptedAt: number;
  to: string[];
}

export interface TestSmtpServer {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** How many DATA commands began (accepted or not). */
  dataStarted(): number;
  /** The ids of the sessions connected now (the server has not seen them close). */
  openSessions(): string[];
  /** Waits (polling, at most timeoutMs) until the server has seen each of these sessions close. */
  waitUntilClosed(sessionIds: readonly string[], timeoutMs?: number): Promise<void>;
  /** Holds every DATA from now on until release(). */
  stall(): void;
  release(): void;
  refuse(handler: ((recipient: string) => { code: number; message: string } | null) | null): void;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let started = 0;
  let stalled: Promise<void> | null = null;
  let releaseStall: (() => void) | null = null;
  let refusal: ((recipient: string) => { code: number; message: string } | null) | null = null;

  // A client that hung up before the 250 has not delivered its message: it is dropped.
  const closed = new Set<string>();
  const open = new Set<string>();
  const server = new SMTPServer({
    onConnect(session, callback) {
      // A socket may close before its greeting: onClose has then already run.
      if (!closed.has(session.id)) open.add(session.id);
      callback();
    },
    onClose(session) {
      closed.add(session.id);
      open.delete(session.id);
    },
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refused = refusal?.(address.address);
      if (refused) return callback(Object.assign(new Error(refused.message), { responseCode: refused.code }));
      callback();
    },
    onData(stream, session, callback) {
      started++;
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const hold = stalled ?? Promise.resolve();
        void hold.then(async () => {
          if (closed.has(session.id)) return;
          const raw = Buffer.concat(chunks).toString("utf8");
          const parsed = await simpleParser(raw);
          received.push({ raw, parsed, acceptedAt: Date.now(), to: session.envelope.rcptTo.map((r) => r.address) });
          callback();
        });
      });
    },
  });
  // A client killed mid-message resets its connection: expected here, not a test failure.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    dataStarted: () => started,
    openSessions: () => [...open],
    async waitUntilClosed(sessionIds, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const stillOpen = sessionIds.filter((id) => !closed.has(id));
        if (stillOpen.length === 0) return;
        if (Date.now() > deadline) throw new Error(`SMTP: ${stillOpen.length} of ${sessionIds.length} connections still open after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    stall() {
      stalled = new Promise((resolve) => (releaseStall = resolve));
    },
    release() {
      releaseStall?.();
      stalled = null;
    },
    refuse(handler) {
      refusal = handler;
    },
    async waitFor(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`SMTP: ${received.length} of ${count} messages arrived within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        releaseStall?.();
        server.close(() => resolve());
      }),
  };
}

/** The text/calendar part of a message (the alternative), as text. */
export function calendarPart(mail: ParsedMail): string | undefined {
  const attachment = mail.attachments.find((a) => a.contentType.startsWith("text/calendar") || a.filename?.endsWith(".ics"));
  return attachment?.content.toString("utf8");
}
