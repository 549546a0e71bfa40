// Every change to someone's calendar writes its messages in the same
// transaction: who gets what, with what payload, and nothing when the change
// is refused or rolled back. Reminders are written once per session and
// person, whatever the number of callers; the owner's digest once a day.
import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/auth/actor";
import type { DatabaseOrTransaction } from "@/db";
import { blockedSlots, outboxMessages, trainingSessions, users } from "@/db/schema";
import type { MessageKind } from "@/domain/message-kind";
import { createBlockedSlot } from "@/server/availability/create-blocked-slot";
import { replaceWeeklyAvailability } from "@/server/availability/replace-weekly-availability";
import { cancelRecurringBooking } from "@/server/bookings/cancel-recurring-booking";
import { createOneTimeBooking } from "@/server/bookings/create-one-time-booking";
import { createRecurringBooking } from "@/server/bookings/create-recurring-booking";
import { resolveConflict } from "@/server/conflicts/resolve-conflict";
import { enqueueDueReminders } from "@/server/messages/enqueue-reminders";
import type { SessionPayload } from "@/server/messages/payloads";
import { renderMessage } from "@/server/messages/render-message";
import { cancelSession } from "@/server/sessions/cancel-session";
import { cancelClass } from "@/server/classes/cancel-class";
import { cancelEnrolment } from "@/server/classes/cancel-enrolment";
import { createClass } from "@/server/classes/create-class";
import { enrolInClass } from "@/server/classes/enrol-in-class";
import { generateSessions } from "@/server/sessions/generate-sessions";
import { markNoShow } from "@/server/sessions/mark-no-show";
import { runScheduledGeneration } from "@/server/sessions/run-scheduled-generation";
import { rejection } from "../helpers/app-error";
import { ALL_WEEK, addPerson, addSeries, addWeeklyRules, clearBusinessData } from "../helpers/people";
import { useMigratedDatabase } from "../helpers/test-database";

let db: DatabaseOrTransaction;
useMigratedDatabase((handle) => {
  db = handle.db;
});

const NOW = new Date("2027-03-01T08:00:00Z"); // a Monday
let coach: Actor;
let member: Actor;
let owner: Actor;

beforeEach(async () => {
  await clearBusinessData(db);
  owner = await addPerson(db, "owner", { name: "Olga" });
  coach = await addPerson(db, "coach", { name: "Camille", timezone: "Europe/Paris" });
  member = await addPerson(db, "member", { name: "Marc" });
  await addWeeklyRules(db, coach.id, ALL_WEEK);
});

async function messages(kind?: MessageKind) {
  return db
    .select()
    .from(outboxMessages)
    .where(kind ? eq(outboxMessages.kind, kind) : undefined)
    .orderBy(outboxMessages.createdAt, outboxMessages.recipientId);
}

const recipients = (rows: { recipientId: string }[]) => rows.map((row) => row.recipientId).sort();
const tuesday = { startsAt: "2027-03-02T09:00:00Z", endsAt: "2027-03-02T10:00:00Z" };

async function book(actor: Actor = member, slot = tuesday) {
  return createOneTimeBooking({ db, actor, input: { coachId: coach.id, ...(actor.role === "member" ? {} : { memberId: member.id }), ...slot }, now: NOW });
}

describe("a one-time booking", () => {
  it("confirms to the member and the coach, with the session and who booked", async () => {
    const { session } = await book();
    const rows = await messages();
    expect(rows.map((row) => row.kind)).toEqual(["booking_confirmed", "booking_confirmed"]);
    expect(recipients(rows)).toEqual([coach.id, member.id].sort());
    const payload = rows[0]!.payload as SessionPayload;
    expect(payload.session).toMatchObject({ id: session.id, coachName: "Camille", memberName: "Marc", coachZone: "Europe/Paris", status: "scheduled" });
    expect(new Date(payload.session.startsAt).toISOString()).toBe("2027-03-02T09:00:00.000Z");
    expect(payload.by).toEqual({ id: member.id, name: "Marc", role: "member" });
    expect(rows.every((row) => row.status === "pending")).toBe(true);
  });

  it("writes nothing when the booking is refused", async () => {
    await db.insert(blockedSlots).values({ coachId: coach.id, startsAt: new Date(tuesday.startsAt), endsAt: new Date(tuesday.endsAt) });
    await rejection(book());
    expect(await messages()).toHaveLength(0);
  });

  it("writes nothing for the loser of a race: exactly one confirmation pair", async () => {
    const others = await Promise.all([1, 2, 3, 4, 5].map(() => addPerson(db, "member")));
    const results = await Promise.allSettled(
      others.map((other) => createOneTimeBooking({ db, actor: other, input: { coachId: coach.id, ...tuesday }, now: NOW })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await messages("booking_confirmed")).toHaveLength(2);
  });
});

describe("a weekly series", () => {
  const series = { dayOfWeek: 2, startTime: "10:00", endTime: "11:00", startDate: "2027-03-01", endDate: "2027-03-30" };

  it("confirms its dates up to the horizon and the skipped ones", async () => {
    await db.insert(blockedSlots).values({ coachId: coach.id, startsAt: new Date("2027-03-16T00:00:00Z"), endsAt: new Date("2027-03-17T00:00:00Z") });
    const created = await createRecurringBooking({ db, actor: member, input: { coachId: coach.id, ...series, onConflict: "skip" }, now: NOW });
    const rows = await messages("series_confirmed");
    expect(recipients(rows)).toEqual([coach.id, member.id].sort());
    const payload = rows[0]!.payload as { sessions: unknown[]; skipped: { reason: string }[]; series: { id: string } };
    expect(payload.series.id).toBe(created.recurringBooking.id);
    expect(payload.sessions).toHaveLength(created.sessions.length);
    expect(payload.skipped).toEqual([expect.objectContaining({ reason: "blocked" })]);
    // Skipped dates are in the confirmation, not in conflict messages of their own.
    expect(await messages("occurrence_conflict")).toHaveLength(0);
  });

  it("rejected as a whole: nothing is written", async () => {
    await db.insert(blockedSlots).values({ coachId: coach.id, startsAt: new Date("2027-03-16T00:00:00Z"), endsAt: new Date("2027-03-17T00:00:00Z") });
    await rejection(createRecurringBooking({ db, actor: member, input: { coachId: coach.id, ...series }, now: NOW }));
    expect(await messages()).toHaveLength(0);
  });

  it("cancelled: one message each, listing the upcoming sessions it removed", async () => {
    const created = await createRecurringBooking({ db, actor: member, input: { coachId: coach.id, ...series }, now: NOW });
    await cancelRecurringBooking({ db, actor: coach, input: { recurringBookingId: created.recurringBooking.id, futureOnly: true }, now: NOW });
    const rows = await messages("series_cancelled");
    expect(recipients(rows)).toEqual([coach.id, member.id].sort());
    const payload = rows[0]!.payload as { sessions: unknown[]; by: { role: string } };
    expect(payload.sessions).toHaveLength(created.sessions.length);
    expect(payload.by.role).toBe("coach");
  });
});

describe("cancellations", () => {
  it("by the member: both told, who and why", async () => {
    const { session } = await book();
    await cancelSession({ db, actor: member, input: { id: session.id, reason: "Flu" }, now: NOW });
    const rows = await messages("session_cancelled");
    expect(recipients(rows)).toEqual([coach.id, member.id].sort());
    const payload = rows[0]!.payload as SessionPayload;
    expect(payload).toMatchObject({ cause: "member", reason: "Flu", by: { id: member.id, role: "member" } });
  });

  it("by time off over the session", async () => {
    await book();
    await createBlockedSlot({
      db,
      actor: coach,
      input: { coachId: coach.id, startsAt: "2027-03-02T00:00:00Z", endsAt: "2027-03-03T00:00:00Z", cancelAffected: true },
      now: NOW,
    });
    const rows = await messages("session_cancelled");
    expect(rows).toHaveLength(2);
    expect(rows[0]!.payload).toMatchObject({ cause: "time_off", reason: "Coach time off", by: { role: "coach" } });
  });

  it("by a change of weekly hours, made by the owner", async () => {
    await book();
    await replaceWeeklyAvailability({ db, actor: owner, input: { coachId: coach.id, rules: [], cancelAffected: true }, now: NOW });
    const rows = await messages("session_cancelled");
    expect(rows).toHaveLength(2);
    expect(rows[0]!.payload).toMatchObject({ cause: "availability", by: { role: "owner" } });
  });

  it("time off that only reports the sessions cancels nothing and tells no one", async () => {
    await book();
    await createBlockedSlot({ db, actor: coach, input: { coachId: coach.id, startsAt: "2027-03-02T00:00:00Z", endsAt: "2027-03-03T00:00:00Z" }, now: NOW });
    expect(await messages("session_cancelled")).toHaveLength(0);
  });
});

describe("no-show and conflicts", () => {
  it("a no-show mark is told to both", async () => {
    const { session } = await book();
    await markNoShow({ db, actor: coach, input: { id: session.id }, now: new Date("2027-03-02T09:30:00Z") });
    expect(recipients(await messages("no_show"))).toEqual([coach.id, member.id].sort());
  });

  it("an occurrence the generator cannot place, then its resolution", async () => {
    await addSeries(db, { memberId: member.id, coachId: coach.id, dayOfWeek: 2, startTime: "10:00", endTime: "11:00", startDate: "2027-03-01" });
    await db.insert(blockedSlots).values({ coachId: coach.id, startsAt: new Date("2027-03-09T00:00:00Z"), endsAt: new Date("2027-03-10T00:00:00Z") });
    const result = await generateSessions(db, { weeksAhead: 3, now: NOW });
    expect(result.conflicts).toBe(1);
    const rows = await messages("occurrence_conflict");
    expect(recipients(rows)).toEqual([coach.id, member.id].sort());
    const conflict = (rows[0]!.payload as { conflict: { id: string; reason: string; coachZone: string } }).conflict;
    expect(conflict).toMatchObject({ reason: "blocked", coachZone: "Europe/Paris" });

    // A second run finds the conflict already recorded: nobody is told twice.
    await generateSessions(db, { weeksAhead: 3, now: NOW });
    expect(await messages("occurrence_conflict")).toHaveLength(2);

    await resolveConflict({ db, actor: coach, input: { id: conflict.id, action: "dismiss" }, now: NOW });
    const resolved = await messages("conflict_resolved");
    expect(resolved).toHaveLength(2);
    expect(resolved[0]!.payload).toMatchObject({ resolution: "dismissed", sessionId: null });
  });
});

describe("reminders", () => {
  const start = new Date(tuesday.startsAt);
  const before = (hours: number) => new Date(start.getTime() - hours * 3_600_000);

  it("24 hours before by default, once, however many callers", async () => {
    await book();
    expect(await enqueueDueReminders(db, before(25))).toBe(0);
    const written = await Promise.all([1, 2, 3].map(() => enqueueDueReminders(db, before(23))));
    expect(written.reduce((a, b) => a + b, 0)).toBe(2);
    expect(await enqueueDueReminders(db, before(1))).toBe(0);
    const rows = await messages("reminder");
    expect(recipients(rows)).toEqual([coach.id, member.id].sort());
    expect(rows[0]!.payload).toMatchObject({ lead: "24h" });
  });

  it("follows each person's choice: off, or 2 hours", async () => {
    await book();
    await db.update(users).set({ reminder: "off" }).where(eq(users.id, coach.id));
    await db.update(users).set({ reminder: "2h" }).where(eq(users.id, member.id));
    expect(await enqueueDueReminders(db, before(23))).toBe(0);
    expect(await enqueueDueReminders(db, before(1.5))).toBe(1);
    const rows = await messages("reminder");
    expect(rows.map((row) => row.recipientId)).toEqual([member.id]);
    expect(rows[0]!.payload).toMatchObject({ lead: "2h" });
  });

  it("none for a session cancelled meanwhile, or booked after its reminder was due", async () => {
    const { session } = await book();
    await cancelSession({ db, actor: member, input: { id: session.id }, now: NOW });
    // Booked 3 hours before it starts: its confirmation said it all.
    await createOneTimeBooking({ db, actor: coach, input: { coachId: coach.id, memberId: member.id, startsAt: "2027-03-01T11:00:00Z", endsAt: "2027-03-01T12:00:00Z" }, now: NOW });
    expect(await enqueueDueReminders(db, before(23))).toBe(0);
    expect(await enqueueDueReminders(db, new Date("2027-03-01T10:00:00Z"))).toBe(0);
  });
});

describe("the owner's digest", () => {
  it("follows the scheduled run, once a day per owner who wants it", async () => {
    const quiet = await addPerson(db, "owner", { name: "Quiet" });
    await db.update(users).set({ emailDigest: false }).where(eq(users.id, quiet.id));
    await runScheduledGeneration({ db, trigger: "cron", now: NOW });
    await runScheduledGeneration({ db, trigger: "cron", now: new Date(NOW.getTime() + 60_000) });
    const rows = await messages("owner_digest");
    expect(rows.map((row) => row.recipientId)).toEqual([owner.id]);
    expect(rows[0]!.payload).toMatchObject({ date: "2027-03-01", run: { status: "succeeded" }, openConflicts: 0 });
  });
});

describe("every message written renders in English and French", () => {
  it("with its subject, both parts, and the calendar part for sessions", async () => {
    const { session } = await book();
    await cancelSession({ db, actor: coach, input: { id: session.id, reason: "Sick" }, now: NOW });
    await book();
    const rows = await db
      .select({ message: outboxMessages, name: users.name, email: users.email, timezone: users.timezone })
      .from(outboxMessages)
      .innerJoin(users, eq(users.id, outboxMessages.recipientId))
      .where(and(sql`true`));
    expect(rows.length).toBe(6);
    for (const locale of ["en", "fr"] as const) {
      for (const { message, name, email, timezone } of rows) {
        const rendered = renderMessage(message, { id: message.recipientId, name, email, locale, timezone }, {
          baseUrl: "https://studio.example",
          from: { name: "Studio", email: "desk@studio.example" },
          businessZone: "UTC",
        });
        expect(rendered.subject.length).toBeGreaterThan(5);
        expect(rendered.text).toContain(name);
        expect(rendered.html).toContain(`lang="${locale}"`);
        expect(rendered.headers["Content-Language"]).toBe(locale);
        expect(rendered.calendar?.method).toBe(message.kind === "session_cancelled" ? "CANCEL" : "REQUEST");
      }
    }
    const cancelled = await db.select({ status: trainingSessions.status }).from(trainingSessions).where(eq(trainingSessions.id, session.id));
    expect(cancelled[0]!.status).toBe("cancelled");
  });
});

describe("class places", () => {
  it("enrolled, waitlisted, a place given up, promoted and the class cancelled: each told in their language, with the class's title", async () => {
    const { class: pilates } = await createClass({
      db,
      actor: coach,
      input: { coachId: coach.id, title: "Pilates", capacity: 2, startsAt: "2027-03-03T17:00:00Z", endsAt: "2027-03-03T18:00:00Z" },
      now: NOW,
    });
    const second = await addPerson(db, "member", { name: "Nina" });
    const third = await addPerson(db, "member", { name: "Omar" });
    const first = await enrolInClass({ db, actor: member, input: { classId: pilates.id }, now: NOW });
    await enrolInClass({ db, actor: second, input: { classId: pilates.id }, now: NOW });
    await enrolInClass({ db, actor: third, input: { classId: pilates.id }, now: NOW });
    await cancelEnrolment({ db, actor: member, input: { id: first.enrolment.id }, now: NOW });
    await cancelClass({ db, actor: coach, input: { id: pilates.id, reason: "Room flooded" }, now: NOW });

    const rows = await db
      .select({ message: outboxMessages, name: users.name, email: users.email })
      .from(outboxMessages)
      .innerJoin(users, eq(users.id, outboxMessages.recipientId))
      .orderBy(outboxMessages.createdAt);
    const kindsOf = (id: string) => rows.filter((row) => row.message.recipientId === id).map((row) => row.message.kind).sort();
    expect(kindsOf(member.id)).toEqual(["class_enrolled", "class_place_cancelled"]);
    expect(kindsOf(second.id)).toEqual(["class_enrolled", "session_cancelled"]);
    expect(kindsOf(third.id)).toEqual(["class_promoted", "class_waitlisted", "session_cancelled"]);
    expect(kindsOf(coach.id)).toEqual(["session_cancelled"]);

    const render = (kind: MessageKind, locale: "en" | "fr") => {
      const row = rows.find((r) => r.message.kind === kind && r.message.recipientId !== coach.id)!;
      return renderMessage(row.message, { id: row.message.recipientId, name: row.name, email: row.email, locale, timezone: "Europe/Paris" }, {
        baseUrl: "https://studio.example",
        from: { name: "Studio", email: "desk@studio.example" },
        businessZone: "UTC",
      });
    };
    expect(render("class_waitlisted", "en").text).toContain("number 1 on the waitlist");
    expect(render("class_waitlisted", "fr").text).toContain("n° 1 sur la liste d'attente");
    expect(render("class_waitlisted", "en").calendar).toBeNull();
    const promoted = render("class_promoted", "en");
    expect(promoted.subject).toContain("Pilates");
    expect(promoted.calendar?.method).toBe("REQUEST");
    expect(promoted.calendar?.content).toContain("SUMMARY:Pilates with Camille");
    const givenUp = render("class_place_cancelled", "en");
    expect(givenUp.subject).toContain("Place cancelled: Pilates");
    expect(givenUp.text).toContain("Your place in Pilates was cancelled by");
    expect(givenUp.calendar?.method).toBe("CANCEL");
    expect(givenUp.calendar?.content).toContain("STATUS:CANCELLED");
    expect(render("class_place_cancelled", "fr").text).toContain("Votre place au cours Pilates a été annulée par");
    const cancelled = render("session_cancelled", "fr");
    expect(cancelled.text).toContain("Pilates avec Camille");
    expect(cancelled.text).toContain("Room flooded");
    expect(cancelled.calendar?.method).toBe("CANCEL");
  });
});
