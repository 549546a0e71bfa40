// Delivery latency: one-time bookings made over HTTP one after another, each
// confirmed by e-mail to the member and the coach through the server's own
// worker and a real SMTP server in this process (loopback). Per message:
// from the booking's 201 (its transaction committed before the answer) to
// the SMTP server's acceptance of the confirmation. Then the drain rate: a
// backlog of messages written at once, delivered by the one worker.
import { randomBytes } from "node:crypto";
import type { DatabaseHandle } from "@/db/client";
import { startAppServer, type AppServer } from "../../tests/helpers/app-server";
import { startSmtpServer, type TestSmtpServer } from "../../tests/helpers/smtp-server";
import type { BenchDatabase } from "./bench-database";

const DAY_MS = 86_400_000;

export interface MessageData {
  coach: string;
  members: { id: string; email: string; token: string }[];
  firstDay: Date;
}

export async function seedMessageData(handle: DatabaseHandle, options: { bookings: number }): Promise<MessageData> {
  const tag = randomBytes(4).toString("hex");
  const coach = `bench-mail-coach-${tag}`;
  const expires = new Date(Date.now() + DAY_MS).toISOString();
  await handle.exec(`
    INSERT INTO users (id, email, name, role) VALUES ('${coach}', '${coach}@bench.example', 'Mail Coach', 'coach');
    INSERT INTO coach_settings (coach_id, timezone, minimum_notice_minutes) VALUES ('${coach}', 'UTC', 0);
    INSERT INTO weekly_availability (coach_id, day_of_week, start_time, end_time)
      SELECT '${coach}', d, '00:00', '23:59' FROM generate_series(0, 6) d;
    INSERT INTO users (id, email, name, role, reminder)
      SELECT 'bench-mail-member-${tag}-' || i, 'member-' || i || '-${tag}@bench.example', 'Member ' || i, 'member', 'off'
      FROM generate_series(1, ${options.bookings}) i;
    INSERT INTO sessions (token, user_id, expires_at)
      SELECT 'benchmail${tag}' || i, 'bench-mail-member-${tag}-' || i, '${expires}'::timestamptz
      FROM generate_series(1, ${options.bookings}) i;`);
  return {
    coach,
    members: Array.from({ length: options.bookings }, (_, i) => ({
      id: `bench-mail-member-${tag}-${i + 1}`,
      email: `member-${i + 1}-${tag}@bench.example`,
      token: `benchmail${tag}${i + 1}`,
    })),
    firstDay: new Date(Math.ceil((Date.now() + 2 * DAY_MS) / DAY_MS) * DAY_MS),
  };
}

export interface MessageFigure {
  bookings: number;
  delivered: number;
  latencyMs: { p50: number; p95: number; max: number };
  backlog: number;
  backlogPerSecond: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function measureMessages(database: BenchDatabase, data: MessageData, options: { backlog: number }): Promise<MessageFigure> {
  const smtp: TestSmtpServer = await startSmtpServer();
  let server: AppServer | undefined;
  try {
    server = await startAppServer({
      database: database.location,
      checkContract: false,
      env: { SMTP_URL: smtp.url, MAIL_FROM: "Bench <bench@bench.example>", RATE_LIMIT_API_WRITES: "100000/1m", RATE_LIMIT_PASSWORD_RESET_ADDRESS: "100000/1m" },
    });
    // One booking at a time, each answered before the next: the latency of a quiet studio.
    const answeredAt = new Map<string, number>();
    for (const [i, member] of data.members.entries()) {
      const startsAt = new Date(data.firstDay.getTime() + Math.floor(i / 12) * DAY_MS + (8 + (i % 12)) * 3_600_000);
      const response = await server.request("/api/v1/bookings", {
        method: "POST",
        headers: { authorization: `Bearer ${member.token}`, "content-type": "application/json" },
        body: JSON.stringify({ coachId: data.coach, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString() }),
      });
      const body = (await response.json()) as { session?: { id: string } };
      if (response.status !== 201 || !body.session) throw new Error(`booking: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
      answeredAt.set(body.session.id, Date.now());
    }
    const expected = data.members.length * 2;
    await smtp.waitFor(expected, 60_000);
    const latencies = smtp.received.map((mail) => {
      const uid = /UID:session-([^@\r\n]+)@coachbook/.exec(mail.raw)?.[1];
      const answered = uid ? answeredAt.get(uid) : undefined;
      if (answered === undefined) throw new Error("a confirmation without its booking");
      return Math.max(0, mail.acceptedAt - answered);
    });
    latencies.sort((a, b) => a - b);

    // A backlog: every member asks for a password reset at once.
    const before = smtp.received.length;
    const started = Date.now();
    const burst = await Promise.all(
      data.members.slice(0, Math.min(options.backlog, data.members.length)).map((member) =>
        server!.request("/api/auth/request-password-reset", {
          method: "POST",
          headers: { "content-type": "application/json", origin: server!.baseUrl },
          body: JSON.stringify({ email: member.email, redirectTo: "/reset-password" }),
        }),
      ),
    );
    const accepted = burst.filter((response) => response.ok).length;
    await smtp.waitFor(before + accepted, 60_000);
    const seconds = (Date.now() - started) / 1000;
    return {
      bookings: data.members.length,
      delivered: smtp.received.length,
      latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies.at(-1)! },
      backlog: accepted,
      backlogPerSecond: accepted / seconds,
    };
  } finally {
    await server?.stop();
    await smtp.close();
  }
}
