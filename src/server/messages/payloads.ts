// What each kind of message carries in outbox_messages.payload: written by
// the use cases (enqueue.ts, session-messages.ts) when the change happens,
// read by the templates when the message is rendered.
import type { ConflictReason } from "@/domain/conflict-reason";
import type { UserRole } from "@/db/schema";

export interface SessionSnapshot {
  id: string;
  startsAt: string;
  endsAt: string;
  status: string;
  coachId: string;
  coachName: string;
  coachZone: string;
  memberId: string | null;
  memberName: string | null;
  recurringBookingId: string | null;
  /** A class's title (a class has no member); absent or null for a one-to-one session. */
  title?: string | null;
}

/** class_enrolled, class_waitlisted, class_promoted, class_place_cancelled: the class, and the recipient's place in it. */
export interface ClassPlacePayload {
  session: SessionSnapshot;
  enrolment: { id: string; status: "confirmed" | "waitlisted" | "cancelled"; position: number | null };
  /** Minutes before the class after which nobody is promoted (the studio's setting when written). */
  cutoffMinutes: number;
  by: ChangedBy | null;
}

export interface ChangedBy {
  id: string;
  name: string;
  role: UserRole;
}

export interface SessionPayload {
  session: SessionSnapshot;
  by: ChangedBy | null;
  cause: "member" | "coach" | "owner" | "time_off" | "availability" | "series" | "no_show" | null;
  reason: string | null;
}

export interface SeriesSnapshot {
  id: string;
  coachId: string;
  coachName: string;
  coachZone: string;
  memberId: string;
  memberName: string;
  dayOfWeek: number;
  startTime: string;
  endTime: string;
  startDate: string;
  endDate: string | null;
  frequency: number;
}

export interface DatedSession {
  id: string;
  startsAt: string;
  endsAt: string;
}

export interface SeriesConfirmedPayload {
  series: SeriesSnapshot;
  sessions: DatedSession[];
  skipped: { startsAt: string; endsAt: string; reason: ConflictReason }[];
}

export interface SeriesCancelledPayload {
  series: SeriesSnapshot;
  sessions: DatedSession[];
  by: ChangedBy;
}

export interface ConflictPayload {
  conflict: {
    id: string;
    startsAt: string;
    endsAt: string;
    reason: ConflictReason;
    coachId: string;
    coachName: string;
    coachZone: string;
    memberId: string;
    memberName: string;
    recurringBookingId: string;
  };
  /** conflict_resolved: placed (sessionId is the new session) or dismissed. */
  resolution?: "placed" | "dismissed";
  sessionId?: string | null;
}

export interface LinkPayload {
  url: string;
}

export interface WelcomePayload {
  setPasswordUrl: string;
  signInUrl: string;
}

export interface ReminderPayload {
  session: SessionSnapshot;
  lead: "2h" | "24h";
}

export interface DigestPayload {
  /** The business-zone date the digest is about. */
  date: string;
  run: { status: string; created: number; conflicts: number; completed: number; error: string | null } | null;
  openConflicts: number;
  failedDeliveries: number;
}
