-- Baseline: the schema of Coachbook v1. On a database that v1 created,
-- every statement here is a no-op (IF NOT EXISTS / duplicate_object), so
-- v1 databases and empty ones both continue with the same upgrade
-- migration and end with the same schema. Never edit: it is history.
DO $$ BEGIN
  CREATE TYPE session_status AS ENUM ('PLANNED', 'CANCELLED', 'COMPLETED');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  CREATE TYPE session_type AS ENUM ('ONE_TO_ONE', 'GROUP');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  CREATE TYPE booking_status AS ENUM ('CONFIRMED', 'CANCELLED_BY_MEMBER', 'CANCELLED_BY_COACH', 'NO_SHOW', 'WAITLIST');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  CREATE TYPE membership_type AS ENUM ('PACK', 'SUBSCRIPTION', 'SINGLE');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  CREATE TYPE payment_status AS ENUM ('PENDING', 'PAID', 'FAILED', 'REFUNDED');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS users (
  id text PRIMARY KEY,
  email text NOT NULL UNIQUE,
  email_verified boolean NOT NULL DEFAULT false,
  name text NOT NULL,
  image text,
  date_of_birth date,
  sex text,
  phone text,
  has_completed_onboarding boolean NOT NULL DEFAULT false,
  role varchar(20) DEFAULT 'member',
  created_at timestamp NOT NULL DEFAULT now(),
  updated_at timestamp NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS sessions (
  id text PRIMARY KEY,
  expires_at timestamp NOT NULL,
  token text NOT NULL UNIQUE,
  created_at timestamp NOT NULL DEFAULT now(),
  updated_at timestamp NOT NULL DEFAULT now(),
  ip_address text,
  user_agent text,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS accounts (
  id text PRIMARY KEY,
  account_id text NOT NULL,
  provider_id text NOT NULL,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  access_token text,
  refresh_token text,
  id_token text,
  access_token_expires_at timestamp,
  refresh_token_expires_at timestamp,
  scope text,
  password text,
  created_at timestamp NOT NULL DEFAULT now(),
  updated_at timestamp NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS verifications (
  id text PRIMARY KEY,
  identifier text NOT NULL,
  value text NOT NULL,
  expires_at timestamp NOT NULL,
  created_at timestamp DEFAULT now(),
  updated_at timestamp DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS locations (
  id text PRIMARY KEY,
  name text NOT NULL,
  address text,
  city text,
  country text,
  created_at timestamp NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS rooms (
  id text PRIMARY KEY,
  location_id text NOT NULL REFERENCES locations(id),
  name text NOT NULL,
  capacity integer,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamp NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS coach_members (
  id text PRIMARY KEY,
  coach_id text NOT NULL REFERENCES users(id),
  member_id text NOT NULL REFERENCES users(id),
  status varchar(20) DEFAULT 'ACTIVE',
  created_at timestamp NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS coach_settings (
  id text PRIMARY KEY,
  coach_id text NOT NULL UNIQUE REFERENCES users(id),
  default_room_id text REFERENCES rooms(id),
  default_duration integer DEFAULT 60,
  updated_at timestamp NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS coach_availabilities (
  id text PRIMARY KEY,
  coach_id text NOT NULL REFERENCES users(id),
  location_id text REFERENCES locations(id),
  day_of_week integer NOT NULL,
  start_time varchar(5) NOT NULL,
  end_time varchar(5) NOT NULL,
  is_recurring boolean NOT NULL DEFAULT true,
  created_at timestamp NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS weekly_availability (
  id text PRIMARY KEY,
  coach_id text NOT NULL REFERENCES users(id),
  day_of_week integer NOT NULL,
  start_time varchar(5) NOT NULL,
  end_time varchar(5) NOT NULL,
  is_individual boolean NOT NULL DEFAULT true,
  is_group boolean NOT NULL DEFAULT false,
  created_at timestamp NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS blocked_slots (
  id text PRIMARY KEY,
  coach_id text NOT NULL REFERENCES users(id),
  start_time timestamp NOT NULL,
  end_time timestamp NOT NULL,
  reason text,
  created_at timestamp NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS training_sessions (
  id text PRIMARY KEY,
  coach_id text NOT NULL REFERENCES users(id),
  room_id text NOT NULL REFERENCES rooms(id),
  type session_type NOT NULL DEFAULT 'ONE_TO_ONE',
  title text NOT NULL,
  description text,
  start_time timestamp NOT NULL,
  end_time timestamp NOT NULL,
  capacity integer NOT NULL DEFAULT 1,
  status session_status NOT NULL DEFAULT 'PLANNED',
  notes text,
  duration integer,
  weekdays jsonb,
  is_recurring boolean NOT NULL DEFAULT false,
  recurrence_end_date timestamp,
  level text,
  min_participants integer,
  visibility varchar(20) DEFAULT 'PUBLIC',
  material text,
  created_at timestamp NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS memberships (
  id text PRIMARY KEY,
  member_id text NOT NULL REFERENCES users(id),
  type membership_type NOT NULL,
  name text NOT NULL,
  sessions_total integer,
  sessions_used integer NOT NULL DEFAULT 0,
  start_date timestamp NOT NULL,
  end_date timestamp,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamp NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS bookings (
  id text PRIMARY KEY,
  session_id text NOT NULL REFERENCES training_sessions(id),
  member_id text NOT NULL REFERENCES users(id),
  status booking_status NOT NULL DEFAULT 'CONFIRMED',
  created_at timestamp NOT NULL DEFAULT now(),
  cancelled_at timestamp,
  membership_id text REFERENCES memberships(id)
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS payments (
  id text PRIMARY KEY,
  member_id text NOT NULL REFERENCES users(id),
  membership_id text REFERENCES memberships(id),
  amount_cents integer NOT NULL,
  currency varchar(3) NOT NULL DEFAULT 'EUR',
  method text,
  external_ref text,
  status payment_status NOT NULL DEFAULT 'PENDING',
  created_at timestamp NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS member_notes (
  id text PRIMARY KEY,
  member_id text NOT NULL REFERENCES users(id),
  coach_id text NOT NULL REFERENCES users(id),
  session_id text REFERENCES training_sessions(id),
  note text NOT NULL,
  created_at timestamp NOT NULL DEFAULT now()
);
