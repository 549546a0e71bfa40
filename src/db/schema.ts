// The whole Coachbook schema, read top to bottom in pipeline order:
//   people → availability (rules + additions − blocked slots)
//     → bookings (recurring series, one-time bookings) → training sessions
// followed by the generation bookkeeping and the tables kept from v1.
//
// Instants are timestamptz, half-open [starts_at, ends_at). Weekly rules and
// series are wall-clock: day_of_week 0 = Sunday … 6 = Saturday, "HH:MM" in the
// coach's time zone (coach_settings.timezone, NULL = BUSINESS_TIMEZONE).
//
// Constraints Drizzle cannot express live only in SQL migrations, named and
// commented there: the two btree_gist exclusion constraints on
// training_sessions (no overlapping non-cancelled sessions per coach and per
// member), defined now by drizzle/0005_overlap_keys.sql (earlier versions in
// 0001 and 0003). See docs/decisions/0010-constraints-decide-races.md.
import { sql } from "drizzle-orm";
import { conflictReasons } from "../domain/conflict-reason";
import { sessionStatuses } from "../domain/session-status";
import { messageKinds, outboxStatuses } from "../domain/message-kind";
import { enrolmentCancelCauses, enrolmentStatuses } from "../domain/enrolment";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => instant("created_at").notNull().defaultNow();
/**
 * Ids are text (v1's choice); new rows get a UUID from the database, so
 * set-based inserts need no client ids. Written without a cast: that is how
 * PostgreSQL stores it on a text column, so drizzle-kit sees no drift.
 */
const id = () => text("id").primaryKey().default(sql`gen_random_uuid()`);
const HH_MM = sql.raw(`'^([01][0-9]|2[0-3]):[0-5][0-9]$'`);
/** Both wall-clock times are "HH:MM" (00:00–23:59) and the start comes first. */
const wallClockTimesCheck = (name: string, startTime: AnyPgColumn, endTime: AnyPgColumn) =>
  check(name, sql`${startTime} ~ ${HH_MM} AND ${endTime} ~ ${HH_MM} AND ${startTime} < ${endTime}`);

// ── People ────────────────────────────────────────────────────────────────

export const userRole = pgEnum("user_role", ["owner", "coach", "member"]);

export const users = pgTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  name: text("name").notNull(),
  image: text("image"),
  dateOfBirth: date("date_of_birth", { mode: "string" }),
  sex: text("sex"),
  phone: text("phone"),
  hasCompletedOnboarding: boolean("has_completed_onboarding").notNull().default(false),
  /** Never settable from sign-up input: only the owner or the shell changes it. */
  role: userRole("role").notNull().default("member"),
  createdAt: createdAt(),
  updatedAt: instant("updated_at").notNull().defaultNow(),
  /** The language of the messages sent to this person (src/domain/locale.ts); from the browser at sign-up. */
  locale: text("locale").notNull().default("en"),
  /** The IANA zone messages show times in; NULL = the coach's own zone for a coach, else BUSINESS_TIMEZONE. */
  timezone: text("timezone"),
  /** How long before each session a reminder goes out: off, 2h or 24h (src/domain/reminder.ts). */
  reminder: text("reminder").notNull().default("24h"),
  /** Whether the owner's daily digest is sent to this person (owners only; unsubscribable). */
  emailDigest: boolean("email_digest").notNull().default(true),
}, (table) => [
  check("users_locale_check", sql`${table.locale} IN ('en', 'fr')`),
  check("users_reminder_check", sql`${table.reminder} IN ('off', '2h', '24h')`),
]);

// better-auth's tables (v1 already had them in this shape).
export const sessions = pgTable("sessions", {
  id: id(),
  expiresAt: instant("expires_at").notNull(),
  token: text("token").notNull().unique(),
  createdAt: createdAt(),
  updatedAt: instant("updated_at").notNull().defaultNow(),
  ipAddress: text("ip_address"),
  userAgent: text("user_agent"),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
});

export const accounts = pgTable("accounts", {
  id: id(),
  accountId: text("account_id").notNull(),
  providerId: text("provider_id").notNull(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  accessToken: text("access_token"),
  refreshToken: text("refresh_token"),
  idToken: text("id_token"),
  accessTokenExpiresAt: instant("access_token_expires_at"),
  refreshTokenExpiresAt: instant("refresh_token_expires_at"),
  scope: text("scope"),
  password: text("password"),
  createdAt: createdAt(),
  updatedAt: instant("updated_at").notNull().defaultNow(),
});

export const verifications = pgTable("verifications", {
  id: id(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: instant("expires_at").notNull(),
  createdAt: instant("created_at").defaultNow(),
  updatedAt: instant("updated_at").defaultNow(),
});

export const coachSettings = pgTable(
  "coach_settings",
  {
    id: id(),
    coachId: text("coach_id")
      .notNull()
      .unique()
      .references(() => users.id),
    defaultRoomId: text("default_room_id").references(() => rooms.id),
    /** Default session length in minutes. */
    defaultDuration: integer("default_duration").default(60),
    /** IANA zone of the coach's weekly rules and series; NULL means BUSINESS_TIMEZONE. */
    timezone: text("timezone"),
    /** Free slots start no earlier than now + this notice. */
    minimumNoticeMinutes: integer("minimum_notice_minutes").notNull().default(120),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (table) => [
    check("coach_settings_minimum_notice_minutes_check", sql`${table.minimumNoticeMinutes} >= 0`),
  ],
);

// ── Availability: weekly rules + one-off additions − blocked slots ────────

export const weeklyAvailability = pgTable(
  "weekly_availability",
  {
    id: id(),
    coachId: text("coach_id")
      .notNull()
      .references(() => users.id),
    dayOfWeek: integer("day_of_week").notNull(),
    startTime: varchar("start_time", { length: 5 }).notNull(),
    endTime: varchar("end_time", { length: 5 }).notNull(),
    isIndividual: boolean("is_individual").notNull().default(true),
    isGroup: boolean("is_group").notNull().default(false),
    createdAt: createdAt(),
  },
  (table) => [
    index("weekly_availability_coach_day_idx").on(table.coachId, table.dayOfWeek),
    check("weekly_availability_day_of_week_check", sql`${table.dayOfWeek} BETWEEN 0 AND 6`),
    wallClockTimesCheck("weekly_availability_times_check", table.startTime, table.endTime),
  ],
);

export const availabilityAdditions = pgTable(
  "availability_additions",
  {
    id: id(),
    coachId: text("coach_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    reason: text("reason"),
    createdAt: createdAt(),
  },
  (table) => [
    index("availability_additions_coach_starts_idx").on(table.coachId, table.startsAt),
    check("availability_additions_range_check", sql`${table.endsAt} > ${table.startsAt}`),
  ],
);

export const blockedSlots = pgTable(
  "blocked_slots",
  {
    id: id(),
    coachId: text("coach_id")
      .notNull()
      .references(() => users.id),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    reason: text("reason"),
    createdAt: createdAt(),
  },
  (table) => [
    index("blocked_slots_coach_starts_idx").on(table.coachId, table.startsAt),
    check("blocked_slots_range_check", sql`${table.endsAt} > ${table.startsAt}`),
  ],
);

// ── Bookings: recurring series and one-time bookings ──────────────────────

export const recurringBookingStatus = pgEnum("recurring_booking_status", ["active", "cancelled"]);

export const recurringBookings = pgTable(
  "recurring_bookings",
  {
    id: id(),
    /** The member of a member's series; NULL for a class series (drizzle/0009). */
    memberId: text("member_id").references(() => users.id),
    coachId: text("coach_id")
      .notNull()
      .references(() => users.id),
    dayOfWeek: integer("day_of_week").notNull(),
    startTime: varchar("start_time", { length: 5 }).notNull(),
    endTime: varchar("end_time", { length: 5 }).notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    /** Inclusive; NULL = open-ended. */
    endDate: date("end_date", { mode: "string" }),
    /** Every N weeks, counted from start_date. */
    frequency: integer("frequency").notNull().default(1),
    /** A class series' title and capacity; NULL for a member's series. */
    title: text("title"),
    capacity: integer("capacity"),
    status: recurringBookingStatus("status").notNull().default("active"),
    /**
     * The generator's high-water mark: the local date (coach's zone) of the
     * first occurrence not materialised yet. Every earlier occurrence is a
     * session or a conflict, or was already past when its window came.
     * NULL = not known yet: the next run derives the whole window.
     */
    nextOccurrenceOn: date("next_occurrence_on", { mode: "string" }),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
    cancelledAt: instant("cancelled_at"),
  },
  (table) => [
    index("recurring_bookings_member_idx").on(table.memberId),
    index("recurring_bookings_coach_idx").on(table.coachId),
    check("recurring_bookings_day_of_week_check", sql`${table.dayOfWeek} BETWEEN 0 AND 6`),
    check("recurring_bookings_frequency_check", sql`${table.frequency} BETWEEN 1 AND 4`),
    wallClockTimesCheck("recurring_bookings_times_check", table.startTime, table.endTime),
    check(
      "recurring_bookings_dates_check",
      sql`${table.endDate} IS NULL OR ${table.endDate} >= ${table.startDate}`,
    ),
    // A member's series (a member, no capacity) or a class series (a capacity, no member).
    check(
      "recurring_bookings_kind_check",
      sql`(${table.memberId} IS NULL) = (${table.capacity} IS NOT NULL) AND (${table.title} IS NULL OR ${table.capacity} IS NOT NULL)`,
    ),
    check("recurring_bookings_capacity_check", sql`${table.capacity} IS NULL OR ${table.capacity} BETWEEN 2 AND 500`),
  ],
);

export const sessionType = pgEnum("session_type", ["ONE_TO_ONE", "GROUP"]);
export const bookingStatus = pgEnum("booking_status", [
  "CONFIRMED",
  "CANCELLED_BY_MEMBER",
  "CANCELLED_BY_COACH",
  "NO_SHOW",
  "WAITLIST",
]);

/** A member's place in a session: v1's per-session bookings, and one-time bookings. */
export const bookings = pgTable("bookings", {
  id: id(),
  /** NULL only for a moment, while a one-time booking and its session are created together. */
  sessionId: text("session_id").references((): AnyPgColumn => trainingSessions.id),
  memberId: text("member_id")
    .notNull()
    .references(() => users.id),
  status: bookingStatus("status").notNull().default("CONFIRMED"),
  createdAt: createdAt(),
  cancelledAt: instant("cancelled_at"),
  membershipId: text("membership_id").references(() => memberships.id),
});

// ── Training sessions: concrete, dated rows ───────────────────────────────

export const sessionStatus = pgEnum("session_status", sessionStatuses);

export const trainingSessions = pgTable(
  "training_sessions",
  {
    id: id(),
    coachId: text("coach_id")
      .notNull()
      .references(() => users.id),
    /** The member of a one-to-one session; NULL for group sessions. */
    memberId: text("member_id").references(() => users.id),
    recurringBookingId: text("recurring_booking_id").references(() => recurringBookings.id),
    oneTimeBookingId: text("one_time_booking_id").references(() => bookings.id),
    roomId: text("room_id").references(() => rooms.id),
    type: sessionType("type").notNull().default("ONE_TO_ONE"),
    title: text("title"),
    description: text("description"),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    capacity: integer("capacity").notNull().default(1),
    /** A class's places held (confirmed, attended, no-show), kept by a trigger on class_enrolments (drizzle/0009). */
    placesTaken: integer("places_taken").notNull().default(0),
    status: sessionStatus("status").notNull().default("scheduled"),
    cancellationReason: text("cancellation_reason"),
    cancelledAt: instant("cancelled_at"),
    notes: text("notes"),
    // v1's hand-made recurrence fields, kept so no value is lost.
    duration: integer("duration"),
    weekdays: jsonb("weekdays"),
    isRecurring: boolean("is_recurring").notNull().default(false),
    recurrenceEndDate: instant("recurrence_end_date"),
    level: text("level"),
    minParticipants: integer("min_participants"),
    visibility: varchar("visibility", { length: 20 }).default("PUBLIC"),
    material: text("material"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (table) => [
    check("training_sessions_range_check", sql`${table.endsAt} > ${table.startsAt}`),
    // One coach's or one member's sessions over a range (their calendars, the
    // sessions API, the weekly figures per coach): without them a large table
    // is scanned in parallel (docs/performance.md); the exclusion indexes hold
    // only the live calendar. They replace an index on starts_at alone (drizzle/0006).
    index("training_sessions_coach_starts_idx").on(table.coachId, table.startsAt),
    index("training_sessions_member_starts_idx").on(table.memberId, table.startsAt),
    // The completion sweep: scheduled sessions whose end has passed.
    index("training_sessions_scheduled_ends_idx").on(table.endsAt).where(sql`${table.status} = 'scheduled'`),
    // Invariant 2: a series never produces the same occurrence twice. Cancelled
    // occurrences keep their row, so the generator never brings them back.
    unique("training_sessions_occurrence_unique").on(table.recurringBookingId, table.startsAt),
    // The class timetable: classes over a range.
    index("training_sessions_group_starts_idx").on(table.startsAt).where(sql`${table.type} = 'GROUP'`),
    check("training_sessions_places_taken_check", sql`${table.placesTaken} >= 0`),
  ],
);

// ── Classes: places, waitlists and standing places (drizzle/0009) ─────────

export const enrolmentStatus = pgEnum("enrolment_status", enrolmentStatuses);
export const enrolmentCancelCause = pgEnum("enrolment_cancel_cause", enrolmentCancelCauses);

/** A member's place in every occurrence of a class series (a recurring_bookings row without a member). */
export const standingPlaces = pgTable(
  "standing_places",
  {
    id: id(),
    seriesId: text("series_id")
      .notNull()
      .references(() => recurringBookings.id),
    memberId: text("member_id")
      .notNull()
      .references(() => users.id),
    status: recurringBookingStatus("status").notNull().default("active"),
    createdAt: createdAt(),
    cancelledAt: instant("cancelled_at"),
  },
  (table) => [
    uniqueIndex("standing_places_live_unique").on(table.seriesId, table.memberId).where(sql`${table.status} = 'active'`),
    index("standing_places_member_idx").on(table.memberId),
  ],
);

/**
 * A member's place in one class (a GROUP training session). Invariant 8 in
 * the database: the class's places_taken, kept by a trigger that refuses a
 * place beyond capacity; and an exclusion constraint
 * (class_enrolments_member_no_overlap, drizzle/0009) on confirmed places,
 * over starts_at/ends_at — the class's, copied so that it can be indexed.
 * The waitlist is the waitlisted rows in queue_seq order.
 */
export const classEnrolments = pgTable(
  "class_enrolments",
  {
    id: id(),
    classId: text("class_id")
      .notNull()
      .references(() => trainingSessions.id),
    memberId: text("member_id")
      .notNull()
      .references(() => users.id),
    status: enrolmentStatus("status").notNull(),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    /** Waitlist order: the order places were asked for. */
    queueSeq: bigserial("queue_seq", { mode: "number" }).notNull(),
    standingPlaceId: text("standing_place_id").references(() => standingPlaces.id),
    /** The v1 booking this enrolment was upgraded from. */
    v1BookingId: text("v1_booking_id")
      .unique()
      .references(() => bookings.id),
    cancelCause: enrolmentCancelCause("cancel_cause"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
    cancelledAt: instant("cancelled_at"),
    promotedAt: instant("promoted_at"),
    attendanceMarkedAt: instant("attendance_marked_at"),
  },
  (table) => [
    uniqueIndex("class_enrolments_live_unique").on(table.classId, table.memberId).where(sql`${table.status} IN ('confirmed', 'waitlisted')`),
    index("class_enrolments_class_queue_idx").on(table.classId, table.queueSeq),
    index("class_enrolments_member_starts_idx").on(table.memberId, table.startsAt),
    check("class_enrolments_range_check", sql`${table.endsAt} > ${table.startsAt}`),
  ],
);

// ── Calendar versions (drizzle/0004) ──────────────────────────────────────

/**
 * Per coach, the id of the last transaction that changed anything their free
 * time is computed from (settings, weekly rules, additions, blocked slots,
 * sessions). Kept by triggers, never written by the app: the free-time cache
 * (src/server/availability/free-time-cache.ts) compares it. No row: version 0.
 */
export const calendarVersions = pgTable("calendar_versions", {
  coachId: text("coach_id").primaryKey(),
  version: bigint("version", { mode: "bigint" }).notNull(),
});

// ── Generation bookkeeping ────────────────────────────────────────────────

export const conflictReason = pgEnum("conflict_reason", conflictReasons);
export const conflictStatus = pgEnum("conflict_status", ["open", "resolved"]);

/** Invariant 3: an occurrence that no longer fits is recorded here, never silently dropped. */
export const sessionConflicts = pgTable(
  "session_conflicts",
  {
    id: id(),
    recurringBookingId: text("recurring_booking_id")
      .notNull()
      .references(() => recurringBookings.id),
    coachId: text("coach_id")
      .notNull()
      .references(() => users.id),
    /** NULL for an occurrence of a class series. */
    memberId: text("member_id").references(() => users.id),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    reason: conflictReason("reason").notNull(),
    status: conflictStatus("status").notNull().default("open"),
    resolution: text("resolution"),
    detectedAt: instant("detected_at").notNull().defaultNow(),
    resolvedAt: instant("resolved_at"),
  },
  (table) => [
    unique("session_conflicts_occurrence_unique").on(table.recurringBookingId, table.startsAt),
    index("session_conflicts_coach_status_idx").on(table.coachId, table.status),
    check("session_conflicts_range_check", sql`${table.endsAt} > ${table.startsAt}`),
  ],
);

export const generationRunStatus = pgEnum("generation_run_status", [
  "running",
  "succeeded",
  "failed",
]);

export const sessionGenerationRuns = pgTable(
  "session_generation_runs",
  {
    id: id(),
    /** Who started it: cron, admin, cli or scheduler. */
    trigger: text("trigger").notNull(),
    requestedBy: text("requested_by").references(() => users.id),
    weeksAhead: integer("weeks_ahead").notNull(),
    status: generationRunStatus("status").notNull().default("running"),
    createdCount: integer("created_count").notNull().default(0),
    conflictCount: integer("conflict_count").notNull().default(0),
    completedCount: integer("completed_count").notNull().default(0),
    durationMs: integer("duration_ms"),
    error: text("error"),
    startedAt: instant("started_at").notNull().defaultNow(),
    finishedAt: instant("finished_at"),
    /**
     * The business-zone date a scheduled daily run is for (scheduler and cron
     * only; NULL for runs by hand). Unique: however many instances wake up
     * at 02:00, one of them inserts the day's row and runs it.
     */
    scheduledOn: date("scheduled_on", { mode: "string" }),
  },
  (table) => [
    check("session_generation_runs_weeks_ahead_check", sql`${table.weeksAhead} BETWEEN 1 AND 52`),
    unique("session_generation_runs_scheduled_on_unique").on(table.scheduledOn),
  ],
);

// ── Studio-wide settings, rate limits and API keys ────────────────────────

/** One row (id = true): settings that apply to the whole studio. */
export const studioSettings = pgTable(
  "studio_settings",
  {
    id: boolean("id").primaryKey().default(true),
    /** Bookings, series start dates and time off lie at most this many days ahead. */
    bookingWindowDays: integer("booking_window_days").notNull().default(365),
    /** When true, a member whose e-mail address is not verified may not book. */
    requireVerifiedEmail: boolean("require_verified_email").notNull().default(false),
    /** No one is promoted from a class's waitlist later than this many minutes before it starts. */
    waitlistCutoffMinutes: integer("waitlist_cutoff_minutes").notNull().default(120),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (table) => [
    check("studio_settings_single_row_check", sql`${table.id}`),
    check("studio_settings_booking_window_days_check", sql`${table.bookingWindowDays} BETWEEN 1 AND 3650`),
    check("studio_settings_waitlist_cutoff_minutes_check", sql`${table.waitlistCutoffMinutes} BETWEEN 0 AND 10080`),
  ],
);

/**
 * Fixed-window counters shared by every app instance: one row per key
 * ("sign-in-failure:ip:…", "write:user:…"), reset when resets_at passes.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    hits: integer("hits").notNull(),
    resetsAt: instant("resets_at").notNull(),
  },
  (table) => [index("rate_limits_resets_at_idx").on(table.resetsAt)],
);

/**
 * Personal API keys: a user creates and revokes them; a key acts as its user
 * with that user's current role. Only a SHA-256 hash of the secret is kept.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The first characters of the key, shown so a user can tell keys apart. */
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: instant("last_used_at"),
    revokedAt: instant("revoked_at"),
  },
  (table) => [index("api_keys_user_idx").on(table.userId)],
);

// ── Messages and calendar feeds (drizzle/0008) ────────────────────────────

export const messageKind = pgEnum("message_kind", messageKinds);
export const outboxStatus = pgEnum("outbox_status", outboxStatuses);

/**
 * The outbox: every message, written in the transaction of the change that
 * causes it, and delivered afterwards by the worker
 * (src/server/messages/deliver-outbox.ts). `payload` is what the message says,
 * as it was when written; the recipient's address, language and zone are
 * read when it is rendered. See docs/decisions/0012-messages-through-an-outbox.md.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: id(),
    kind: messageKind("kind").notNull(),
    recipientId: text("recipient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    payload: jsonb("payload").notNull(),
    /** Set for messages that must exist once only (a reminder per session and person, a digest per day). */
    dedupeKey: text("dedupe_key").unique(),
    status: outboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** A pending message is not tried before this. */
    nextAttemptAt: instant("next_attempt_at").notNull().defaultNow(),
    /** A message being sent belongs to its worker until then; afterwards another worker may take it. */
    lockedUntil: instant("locked_until"),
    lastError: text("last_error"),
    /** Where it went: smtp, or the local mailbox (no SMTP_URL). */
    transport: text("transport"),
    createdAt: createdAt(),
    sentAt: instant("sent_at"),
  },
  (table) => [
    index("outbox_messages_due_idx").on(table.nextAttemptAt).where(sql`${table.status} IN ('pending', 'sending')`),
    index("outbox_messages_created_idx").on(table.createdAt),
    index("outbox_messages_recipient_idx").on(table.recipientId),
  ],
);

/**
 * A person's private calendar feed. The URL's token is derived from the
 * server secret and `nonce` (src/server/calendar-feed/feed-token.ts), so it
 * can be shown again; only its SHA-256 hash is looked up. At most one live
 * feed per person: rotating revokes the old row and adds a new one.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    nonce: text("nonce").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    revokedAt: instant("revoked_at"),
  },
  (table) => [uniqueIndex("calendar_feeds_live_user_unique").on(table.userId).where(sql`${table.revokedAt} IS NULL`)],
);

// ── Kept from v1 as they were (places, memberships, payments, notes) ──────

export const membershipType = pgEnum("membership_type", ["PACK", "SUBSCRIPTION", "SINGLE"]);
export const paymentStatus = pgEnum("payment_status", ["PENDING", "PAID", "FAILED", "REFUNDED"]);

export const locations = pgTable("locations", {
  id: id(),
  name: text("name").notNull(),
  address: text("address"),
  city: text("city"),
  country: text("country"),
  createdAt: createdAt(),
});

export const rooms = pgTable("rooms", {
  id: id(),
  locationId: text("location_id")
    .notNull()
    .references(() => locations.id),
  name: text("name").notNull(),
  capacity: integer("capacity"),
  isActive: boolean("is_active").notNull().default(true),
  createdAt: createdAt(),
});

export const coachMembers = pgTable("coach_members", {
  id: id(),
  coachId: text("coach_id")
    .notNull()
    .references(() => users.id),
  memberId: text("member_id")
    .notNull()
    .references(() => users.id),
  status: varchar("status", { length: 20 }).default("ACTIVE"),
  createdAt: createdAt(),
});

/** v1's first availability table, superseded by weekly_availability; kept so no row is lost. */
export const coachAvailabilities = pgTable("coach_availabilities", {
  id: id(),
  coachId: text("coach_id")
    .notNull()
    .references(() => users.id),
  locationId: text("location_id").references(() => locations.id),
  dayOfWeek: integer("day_of_week").notNull(),
  startTime: varchar("start_time", { length: 5 }).notNull(),
  endTime: varchar("end_time", { length: 5 }).notNull(),
  isRecurring: boolean("is_recurring").notNull().default(true),
  createdAt: createdAt(),
});

export const memberships = pgTable("memberships", {
  id: id(),
  memberId: text("member_id")
    .notNull()
    .references(() => users.id),
  type: membershipType("type").notNull(),
  name: text("name").notNull(),
  sessionsTotal: integer("sessions_total"),
  sessionsUsed: integer("sessions_used").notNull().default(0),
  startDate: instant("start_date").notNull(),
  endDate: instant("end_date"),
  isActive: boolean("is_active").notNull().default(true),
  createdAt: createdAt(),
});

export const payments = pgTable("payments", {
  id: id(),
  memberId: text("member_id")
    .notNull()
    .references(() => users.id),
  membershipId: text("membership_id").references(() => memberships.id),
  amountCents: integer("amount_cents").notNull(),
  currency: varchar("currency", { length: 3 }).notNull().default("EUR"),
  method: text("method"),
  externalRef: text("external_ref"),
  status: paymentStatus("status").notNull().default("PENDING"),
  createdAt: createdAt(),
});

export const memberNotes = pgTable("member_notes", {
  id: id(),
  memberId: text("member_id")
    .notNull()
    .references(() => users.id),
  coachId: text("coach_id")
    .notNull()
    .references(() => users.id),
  sessionId: text("session_id").references((): AnyPgColumn => trainingSessions.id),
  note: text("note").notNull(),
  createdAt: createdAt(),
});

export type User = typeof users.$inferSelect;
export type UserRole = (typeof userRole.enumValues)[number];
export type CoachSettings = typeof coachSettings.$inferSelect;
export type WeeklyAvailabilityRule = typeof weeklyAvailability.$inferSelect;
export type AvailabilityAddition = typeof availabilityAdditions.$inferSelect;
export type BlockedSlot = typeof blockedSlots.$inferSelect;
export type RecurringBooking = typeof recurringBookings.$inferSelect;
export type Booking = typeof bookings.$inferSelect;
export type TrainingSession = typeof trainingSessions.$inferSelect;
export type { SessionStatus } from "../domain/session-status";
export type SessionConflict = typeof sessionConflicts.$inferSelect;
export type { ConflictReason } from "../domain/conflict-reason";
export type SessionGenerationRun = typeof sessionGenerationRuns.$inferSelect;
export type StudioSettings = typeof studioSettings.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type OutboxMessage = typeof outboxMessages.$inferSelect;
export type CalendarFeed = typeof calendarFeeds.$inferSelect;
