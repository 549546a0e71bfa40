-- The upgrade from v1 to the booking model of DESIGN.md. Fresh installs run it
-- too (after 0000 built an empty v1), so both end with the same schema.
-- drizzle's migrator runs every pending migration in one transaction: if any
-- statement fails, nothing here has happened.
--
-- 1. Preflight. v1 never enforced the new invariants, so first look for rows
--    that would break them and refuse with one message listing every one of
--    them (the first 100, and a count). `npm run db:check-upgrade` runs this
--    same SQL and rolls back, so its report is this report.
DO $$
DECLARE
  problems text[];
  total integer;
BEGIN
  WITH v1_members AS (
    -- The member of a one-to-one session is its earliest confirmed booking's.
    SELECT DISTINCT ON (session_id) session_id, member_id
    FROM bookings WHERE status = 'CONFIRMED'
    ORDER BY session_id, created_at, id
  ),
  live AS (
    SELECT ts.id, ts.coach_id, ts.start_time, ts.end_time, m.member_id
    FROM training_sessions ts
    LEFT JOIN v1_members m ON m.session_id = ts.id AND ts.type = 'ONE_TO_ONE'
    WHERE ts.status <> 'CANCELLED' AND ts.end_time > ts.start_time
  ),
  found AS (
    SELECT 1 AS kind, format('training_sessions %s and %s overlap for coach %s: %s–%s and %s–%s (UTC)',
             a.id, b.id, a.coach_id, a.start_time, a.end_time, b.start_time, b.end_time) AS line
    FROM live a JOIN live b ON a.coach_id = b.coach_id AND a.id < b.id
      AND a.start_time < b.end_time AND b.start_time < a.end_time
    UNION ALL
    SELECT 2, format('training_sessions %s and %s overlap for member %s: %s–%s and %s–%s (UTC)',
             a.id, b.id, a.member_id, a.start_time, a.end_time, b.start_time, b.end_time)
    FROM live a JOIN live b ON a.member_id = b.member_id AND a.id < b.id
      AND a.start_time < b.end_time AND b.start_time < a.end_time
    UNION ALL
    SELECT 3, format('training_sessions %s: end_time %s is not after start_time %s', id, end_time, start_time)
    FROM training_sessions WHERE end_time <= start_time
    UNION ALL
    SELECT 4, format('blocked_slots %s: end_time %s is not after start_time %s', id, end_time, start_time)
    FROM blocked_slots WHERE end_time <= start_time
    UNION ALL
    SELECT 5, format('weekly_availability %s: day_of_week %s is not 0 (Sunday) to 6 (Saturday)', id, day_of_week)
    FROM weekly_availability WHERE day_of_week NOT BETWEEN 0 AND 6
    UNION ALL
    SELECT 6, format('weekly_availability %s: %s–%s is not an HH:MM start before an HH:MM end', id, start_time, end_time)
    FROM weekly_availability
    WHERE NOT (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'
               AND start_time < end_time)
    UNION ALL
    SELECT 7, format('users %s: role %L is none of owner, coach, member (or admin, which becomes owner)', id, role)
    FROM users
    WHERE role IS NOT NULL AND lower(trim(role)) NOT IN ('', 'owner', 'coach', 'member', 'admin')
  )
  SELECT array_agg(line ORDER BY position) FILTER (WHERE position <= 100), count(*)
  INTO problems, total
  FROM (SELECT line, row_number() OVER (ORDER BY kind, line) AS position FROM found) numbered;
  IF total > 0 THEN
    RAISE EXCEPTION USING
      ERRCODE = 'check_violation',
      MESSAGE = format(
        E'Coachbook upgrade refused: %s problem(s) in the v1 data break rules of the new schema%s. The upgrade was rolled back: your data and schema are as they were. Fix or cancel these rows, then run the upgrade again:\n  - %s',
        total,
        CASE WHEN total > 100 THEN ' (the first 100 are listed)' ELSE '' END,
        array_to_string(problems, E'\n  - '));
  END IF;
END $$;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- 2. Enums. The status enum is swapped, not extended: ALTER TYPE … ADD VALUE
--    cannot be used in the transaction that adds it, and dropping and
--    recreating the type would fail on (or lose) existing rows. Every v1
--    value maps to exactly one new value inside this statement.
ALTER TYPE session_status RENAME TO session_status_v1;
--> statement-breakpoint
CREATE TYPE session_status AS ENUM ('scheduled', 'completed', 'cancelled', 'no_show');
--> statement-breakpoint
ALTER TABLE training_sessions ALTER COLUMN status DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE training_sessions ALTER COLUMN status TYPE session_status USING (
  CASE status::text
    WHEN 'PLANNED' THEN 'scheduled'
    WHEN 'COMPLETED' THEN 'completed'
    WHEN 'CANCELLED' THEN 'cancelled'
  END
)::session_status;
--> statement-breakpoint
ALTER TABLE training_sessions ALTER COLUMN status SET DEFAULT 'scheduled';
--> statement-breakpoint
DROP TYPE session_status_v1;
--> statement-breakpoint
-- v1's free-text role becomes an enum; "admin" was v1's name for the owner.
CREATE TYPE user_role AS ENUM ('owner', 'coach', 'member');
--> statement-breakpoint
ALTER TABLE users ALTER COLUMN role DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE users ALTER COLUMN role TYPE user_role USING (
  CASE
    WHEN role IS NULL OR trim(role) = '' THEN 'member'
    WHEN lower(trim(role)) = 'admin' THEN 'owner'
    ELSE lower(trim(role))
  END
)::user_role;
--> statement-breakpoint
ALTER TABLE users ALTER COLUMN role SET DEFAULT 'member', ALTER COLUMN role SET NOT NULL;
--> statement-breakpoint
CREATE TYPE recurring_booking_status AS ENUM ('active', 'cancelled');
--> statement-breakpoint
CREATE TYPE conflict_reason AS ENUM ('outside_availability', 'blocked', 'coach_busy', 'member_busy');
--> statement-breakpoint
CREATE TYPE conflict_status AS ENUM ('open', 'resolved');
--> statement-breakpoint
CREATE TYPE generation_run_status AS ENUM ('running', 'succeeded', 'failed');
--> statement-breakpoint
-- 3. Instants. v1 stored UTC in `timestamp without time zone`; reading each
--    value AT TIME ZONE 'UTC' keeps the instant exactly. One ALTER per table,
--    so each table is rewritten once. New rows get database-made ids.
ALTER TABLE users
  ALTER COLUMN id SET DEFAULT gen_random_uuid(),
  ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC',
  ALTER COLUMN updated_at TYPE timestamptz USING updated_at AT TIME ZONE 'UTC';
--> statement-breakpoint
ALTER TABLE sessions
  ALTER COLUMN id SET DEFAULT gen_random_uuid(),
  ALTER COLUMN expires_at TYPE timestamptz USING expires_at AT TIME ZONE 'UTC',
  ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC',
  ALTER COLUMN updated_at TYPE timestamptz USING updated_at AT TIME ZONE 'UTC';
--> statement-breakpoint
ALTER TABLE accounts
  ALTER COLUMN id SET DEFAULT gen_random_uuid(),
  ALTER COLUMN access_token_expires_at TYPE timestamptz USING access_token_expires_at AT TIME ZONE 'UTC',
  ALTER COLUMN refresh_token_expires_at TYPE timestamptz USING refresh_token_expires_at AT TIME ZONE 'UTC',
  ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC',
  ALTER COLUMN updated_at TYPE timestamptz USING updated_at AT TIME ZONE 'UTC';
--> statement-breakpoint
ALTER TABLE verifications
  ALTER COLUMN id SET DEFAULT gen_random_uuid(),
  ALTER COLUMN expires_at TYPE timestamptz USING expires_at AT TIME ZONE 'UTC',
  ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC',
  ALTER COLUMN updated_at TYPE timestamptz USING updated_at AT TIME ZONE 'UTC';
--> statement-breakpoint
ALTER TABLE locations
  ALTER COLUMN id SET DEFAULT gen_random_uuid(),
  ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC';
--> statement-breakpoint
ALTER TABLE rooms
  ALTER COLUMN id SET DEFAULT gen_random_uuid(),
  ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC';
--> statement-breakpoint
ALTER TABLE coach_members
  ALTER COLUMN id SET DEFAULT gen_random_uuid(),
  ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC';
--> statement-breakpoint
-- coach_settings.timezone: NULL means the business zone (BUSINESS_TIMEZONE).
ALTER TABLE coach_settings
  ALTER COLUMN id SET DEFAULT gen_random_uuid(),
  ALTER COLUMN updated_at TYPE timestamptz USING updated_at AT TIME ZONE 'UTC',
  ADD COLUMN timezone text,
  ADD COLUMN minimum_notice_minutes integer DEFAULT 120 NOT NULL;
--> statement-breakpoint
ALTER TABLE coach_availabilities
  ALTER COLUMN id SET DEFAULT gen_random_uuid(),
  ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC';
--> statement-breakpoint
ALTER TABLE weekly_availability
  ALTER COLUMN id SET DEFAULT gen_random_uuid(),
  ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC';
--> statement-breakpoint
ALTER TABLE blocked_slots
  ALTER COLUMN id SET DEFAULT gen_random_uuid(),
  ALTER COLUMN start_time TYPE timestamptz USING start_time AT TIME ZONE 'UTC',
  ALTER COLUMN end_time TYPE timestamptz USING end_time AT TIME ZONE 'UTC',
  ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC';
--> statement-breakpoint
ALTER TABLE blocked_slots RENAME COLUMN start_time TO starts_at;
--> statement-breakpoint
ALTER TABLE blocked_slots RENAME COLUMN end_time TO ends_at;
--> statement-breakpoint
-- training_sessions: instants, the links to the booking that made each
-- session, and cancellation details. A generated session has no room or
-- title, so those become optional.
ALTER TABLE training_sessions
  ALTER COLUMN id SET DEFAULT gen_random_uuid(),
  ALTER COLUMN start_time TYPE timestamptz USING start_time AT TIME ZONE 'UTC',
  ALTER COLUMN end_time TYPE timestamptz USING end_time AT TIME ZONE 'UTC',
  ALTER COLUMN recurrence_end_date TYPE timestamptz USING recurrence_end_date AT TIME ZONE 'UTC',
  ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC',
  ALTER COLUMN room_id DROP NOT NULL,
  ALTER COLUMN title DROP NOT NULL,
  ADD COLUMN member_id text,
  ADD COLUMN recurring_booking_id text,
  ADD COLUMN one_time_booking_id text,
  ADD COLUMN cancellation_reason text,
  ADD COLUMN cancelled_at timestamptz,
  ADD COLUMN updated_at timestamptz DEFAULT now() NOT NULL;
--> statement-breakpoint
ALTER TABLE training_sessions RENAME COLUMN start_time TO starts_at;
--> statement-breakpoint
ALTER TABLE training_sessions RENAME COLUMN end_time TO ends_at;
--> statement-breakpoint
ALTER TABLE memberships
  ALTER COLUMN id SET DEFAULT gen_random_uuid(),
  ALTER COLUMN start_date TYPE timestamptz USING start_date AT TIME ZONE 'UTC',
  ALTER COLUMN end_date TYPE timestamptz USING end_date AT TIME ZONE 'UTC',
  ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC';
--> statement-breakpoint
-- A one-time booking and its session are created together, so the booking
-- may briefly exist before its session.
ALTER TABLE bookings
  ALTER COLUMN id SET DEFAULT gen_random_uuid(),
  ALTER COLUMN session_id DROP NOT NULL,
  ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC',
  ALTER COLUMN cancelled_at TYPE timestamptz USING cancelled_at AT TIME ZONE 'UTC';
--> statement-breakpoint
ALTER TABLE payments
  ALTER COLUMN id SET DEFAULT gen_random_uuid(),
  ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC';
--> statement-breakpoint
ALTER TABLE member_notes
  ALTER COLUMN id SET DEFAULT gen_random_uuid(),
  ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC';
--> statement-breakpoint
-- 4. New tables of the booking pipeline.
CREATE TABLE recurring_bookings (
  id text PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  member_id text NOT NULL,
  coach_id text NOT NULL,
  day_of_week integer NOT NULL,
  start_time varchar(5) NOT NULL,
  end_time varchar(5) NOT NULL,
  start_date date NOT NULL,
  end_date date,
  frequency integer DEFAULT 1 NOT NULL,
  status recurring_booking_status DEFAULT 'active' NOT NULL,
  created_at timestamptz DEFAULT now() NOT NULL,
  updated_at timestamptz DEFAULT now() NOT NULL,
  cancelled_at timestamptz,
  CONSTRAINT recurring_bookings_day_of_week_check CHECK (day_of_week BETWEEN 0 AND 6),
  CONSTRAINT recurring_bookings_frequency_check CHECK (frequency BETWEEN 1 AND 4),
  CONSTRAINT recurring_bookings_times_check CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND start_time < end_time),
  CONSTRAINT recurring_bookings_dates_check CHECK (end_date IS NULL OR end_date >= start_date)
);
--> statement-breakpoint
CREATE TABLE availability_additions (
  id text PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  coach_id text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  reason text,
  created_at timestamptz DEFAULT now() NOT NULL,
  CONSTRAINT availability_additions_range_check CHECK (ends_at > starts_at)
);
--> statement-breakpoint
CREATE TABLE session_conflicts (
  id text PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  recurring_booking_id text NOT NULL,
  coach_id text NOT NULL,
  member_id text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  reason conflict_reason NOT NULL,
  status conflict_status DEFAULT 'open' NOT NULL,
  resolution text,
  detected_at timestamptz DEFAULT now() NOT NULL,
  resolved_at timestamptz,
  CONSTRAINT session_conflicts_occurrence_unique UNIQUE (recurring_booking_id, starts_at),
  CONSTRAINT session_conflicts_range_check CHECK (ends_at > starts_at)
);
--> statement-breakpoint
CREATE TABLE session_generation_runs (
  id text PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "trigger" text NOT NULL,
  requested_by text,
  weeks_ahead integer NOT NULL,
  status generation_run_status DEFAULT 'running' NOT NULL,
  created_count integer DEFAULT 0 NOT NULL,
  conflict_count integer DEFAULT 0 NOT NULL,
  completed_count integer DEFAULT 0 NOT NULL,
  duration_ms integer,
  error text,
  started_at timestamptz DEFAULT now() NOT NULL,
  finished_at timestamptz,
  CONSTRAINT session_generation_runs_weeks_ahead_check CHECK (weeks_ahead BETWEEN 1 AND 52)
);
--> statement-breakpoint
-- 5. Backfill: a v1 one-to-one session's member is its earliest confirmed
--    booking's member, and that booking becomes its one-time booking.
UPDATE training_sessions ts
SET member_id = b.member_id, one_time_booking_id = b.id
FROM (
  SELECT DISTINCT ON (session_id) session_id, id, member_id
  FROM bookings WHERE status = 'CONFIRMED'
  ORDER BY session_id, created_at, id
) b
WHERE b.session_id = ts.id AND ts.type = 'ONE_TO_ONE';
--> statement-breakpoint
-- 6. Constraint names: v1's carry PostgreSQL's defaults; they take the
--    names drizzle-kit gives the same constraints in src/db/schema.ts, so
--    future generated migrations find them. A database whose constraints
--    already have the new names is left as it is.
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT * FROM (VALUES
    ('users', 'users_email_key', 'users_email_unique'),
    ('sessions', 'sessions_token_key', 'sessions_token_unique'),
    ('coach_settings', 'coach_settings_coach_id_key', 'coach_settings_coach_id_unique'),
    ('sessions', 'sessions_user_id_fkey', 'sessions_user_id_users_id_fk'),
    ('accounts', 'accounts_user_id_fkey', 'accounts_user_id_users_id_fk'),
    ('rooms', 'rooms_location_id_fkey', 'rooms_location_id_locations_id_fk'),
    ('coach_members', 'coach_members_coach_id_fkey', 'coach_members_coach_id_users_id_fk'),
    ('coach_members', 'coach_members_member_id_fkey', 'coach_members_member_id_users_id_fk'),
    ('coach_settings', 'coach_settings_coach_id_fkey', 'coach_settings_coach_id_users_id_fk'),
    ('coach_settings', 'coach_settings_default_room_id_fkey', 'coach_settings_default_room_id_rooms_id_fk'),
    ('coach_availabilities', 'coach_availabilities_coach_id_fkey', 'coach_availabilities_coach_id_users_id_fk'),
    ('coach_availabilities', 'coach_availabilities_location_id_fkey', 'coach_availabilities_location_id_locations_id_fk'),
    ('weekly_availability', 'weekly_availability_coach_id_fkey', 'weekly_availability_coach_id_users_id_fk'),
    ('blocked_slots', 'blocked_slots_coach_id_fkey', 'blocked_slots_coach_id_users_id_fk'),
    ('training_sessions', 'training_sessions_coach_id_fkey', 'training_sessions_coach_id_users_id_fk'),
    ('training_sessions', 'training_sessions_room_id_fkey', 'training_sessions_room_id_rooms_id_fk'),
    ('memberships', 'memberships_member_id_fkey', 'memberships_member_id_users_id_fk'),
    ('bookings', 'bookings_session_id_fkey', 'bookings_session_id_training_sessions_id_fk'),
    ('bookings', 'bookings_member_id_fkey', 'bookings_member_id_users_id_fk'),
    ('bookings', 'bookings_membership_id_fkey', 'bookings_membership_id_memberships_id_fk'),
    ('payments', 'payments_member_id_fkey', 'payments_member_id_users_id_fk'),
    ('payments', 'payments_membership_id_fkey', 'payments_membership_id_memberships_id_fk'),
    ('member_notes', 'member_notes_member_id_fkey', 'member_notes_member_id_users_id_fk'),
    ('member_notes', 'member_notes_coach_id_fkey', 'member_notes_coach_id_users_id_fk'),
    ('member_notes', 'member_notes_session_id_fkey', 'member_notes_session_id_training_sessions_id_fk')
  ) AS t(table_name, old_name, new_name)
  LOOP
    IF EXISTS (SELECT 1 FROM pg_constraint
               WHERE conname = r.old_name AND conrelid = format('public.%I', r.table_name)::regclass) THEN
      EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', r.table_name, r.old_name, r.new_name);
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
-- 7. Constraints last, once the data is known to fit them (the preflight
--    checked it).
ALTER TABLE coach_settings ADD CONSTRAINT coach_settings_minimum_notice_minutes_check CHECK (minimum_notice_minutes >= 0);
--> statement-breakpoint
ALTER TABLE weekly_availability
  ADD CONSTRAINT weekly_availability_day_of_week_check CHECK (day_of_week BETWEEN 0 AND 6),
  ADD CONSTRAINT weekly_availability_times_check CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND start_time < end_time);
--> statement-breakpoint
ALTER TABLE blocked_slots ADD CONSTRAINT blocked_slots_range_check CHECK (ends_at > starts_at);
--> statement-breakpoint
ALTER TABLE availability_additions ADD CONSTRAINT availability_additions_coach_id_users_id_fk FOREIGN KEY (coach_id) REFERENCES public.users(id) ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE recurring_bookings
  ADD CONSTRAINT recurring_bookings_member_id_users_id_fk FOREIGN KEY (member_id) REFERENCES public.users(id) ON DELETE no action ON UPDATE no action,
  ADD CONSTRAINT recurring_bookings_coach_id_users_id_fk FOREIGN KEY (coach_id) REFERENCES public.users(id) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE session_conflicts
  ADD CONSTRAINT session_conflicts_recurring_booking_id_recurring_bookings_id_fk FOREIGN KEY (recurring_booking_id) REFERENCES public.recurring_bookings(id) ON DELETE no action ON UPDATE no action,
  ADD CONSTRAINT session_conflicts_coach_id_users_id_fk FOREIGN KEY (coach_id) REFERENCES public.users(id) ON DELETE no action ON UPDATE no action,
  ADD CONSTRAINT session_conflicts_member_id_users_id_fk FOREIGN KEY (member_id) REFERENCES public.users(id) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE session_generation_runs ADD CONSTRAINT session_generation_runs_requested_by_users_id_fk FOREIGN KEY (requested_by) REFERENCES public.users(id) ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE training_sessions
  ADD CONSTRAINT training_sessions_member_id_users_id_fk FOREIGN KEY (member_id) REFERENCES public.users(id) ON DELETE no action ON UPDATE no action,
  ADD CONSTRAINT training_sessions_recurring_booking_id_recurring_bookings_id_fk FOREIGN KEY (recurring_booking_id) REFERENCES public.recurring_bookings(id) ON DELETE no action ON UPDATE no action,
  ADD CONSTRAINT training_sessions_one_time_booking_id_bookings_id_fk FOREIGN KEY (one_time_booking_id) REFERENCES public.bookings(id) ON DELETE no action ON UPDATE no action,
  ADD CONSTRAINT training_sessions_range_check CHECK (ends_at > starts_at),
  -- Invariant 2: a series never produces the same occurrence twice.
  ADD CONSTRAINT training_sessions_occurrence_unique UNIQUE (recurring_booking_id, starts_at);
--> statement-breakpoint
-- Invariant 1, which Drizzle cannot express: no two non-cancelled sessions of
-- one coach, or of one member, overlap. Half-open ranges, so back-to-back
-- sessions are fine. The database decides, so no race between two requests
-- can double-book.
ALTER TABLE training_sessions ADD CONSTRAINT training_sessions_coach_no_overlap
  EXCLUDE USING gist (coach_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
  WHERE (status <> 'cancelled');
--> statement-breakpoint
ALTER TABLE training_sessions ADD CONSTRAINT training_sessions_member_no_overlap
  EXCLUDE USING gist (member_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
  WHERE (status <> 'cancelled' AND member_id IS NOT NULL);
