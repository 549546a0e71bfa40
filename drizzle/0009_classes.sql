-- Group classes (docs/decisions/0014-classes-places-and-waitlists.md).
--
-- A class is a training session of type GROUP: one coach, a title, a
-- capacity, and no member of its own. It sits on the coach's calendar like
-- any session (the coach's exclusion constraint applies). Its places are
-- class_enrolments rows: confirmed, waitlisted (in queue_seq order),
-- cancelled, attended or no_show.
--  - Capacity (invariant 8) is kept by the database: places_taken on the
--    class counts the places held, maintained by a trigger that refuses a
--    place beyond the capacity whatever the race (the class row is the lock).
--  - A member never holds two overlapping class places: an exclusion
--    constraint on confirmed enrolments, keyed like the sessions' (0005).
--  - A weekly class series is a recurring_bookings row without a member and
--    with a title and a capacity: the generator places its occurrences with
--    the same statement and the same conflict inbox as a member's series.
--    standing_places are members' places in every occurrence of a series.
--  - A cancelled class gives its places back: a trigger cancels its live
--    enrolments, whichever path cancelled it (the coach, time off, …).
-- v1's group sessions already are GROUP training sessions; their bookings
-- become enrolments here (v1 rows are kept as they were; v1_booking_id says
-- where each enrolment came from), waitlists in booking order.
--
-- 1. Preflight: v1 never stopped a member from holding two places in one
--    class, or two overlapping classes. Refuse, listing them, as 0001 does.
DO $$
DECLARE
  problems text[];
  total integer;
BEGIN
  WITH places AS (
    SELECT b.id, b.member_id, b.session_id, b.status, ts.starts_at, ts.ends_at
    FROM bookings b JOIN training_sessions ts ON ts.id = b.session_id AND ts.type = 'GROUP'
    WHERE b.status IN ('CONFIRMED', 'WAITLIST') AND ts.status <> 'cancelled'
  ),
  found AS (
    SELECT format('bookings %s and %s: member %s holds two places in group session %s', a.id, b.id, a.member_id, a.session_id) AS line
    FROM places a JOIN places b ON a.session_id = b.session_id AND a.member_id = b.member_id AND a.id < b.id
    UNION ALL
    SELECT format('bookings %s and %s: member %s is confirmed in overlapping group sessions %s and %s', a.id, b.id, a.member_id, a.session_id, b.session_id)
    FROM places a JOIN places b ON a.member_id = b.member_id AND a.id < b.id AND a.session_id <> b.session_id
      AND a.status = 'CONFIRMED' AND b.status = 'CONFIRMED'
      AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
  )
  SELECT array_agg(line ORDER BY line) FILTER (WHERE position <= 100), count(*)
  INTO problems, total
  FROM (SELECT line, row_number() OVER (ORDER BY line) AS position FROM found) numbered;
  IF total > 0 THEN
    RAISE EXCEPTION USING
      ERRCODE = 'check_violation',
      MESSAGE = format(
        E'Coachbook upgrade refused: %s problem(s) in the group bookings break rules of classes%s. The upgrade was rolled back: your data and schema are as they were. Cancel one of each pair, then run the upgrade again:\n  - %s',
        total,
        CASE WHEN total > 100 THEN ' (the first 100 are listed)' ELSE '' END,
        array_to_string(problems, E'\n  - '));
  END IF;
END $$;
--> statement-breakpoint
ALTER TYPE "public"."message_kind" ADD VALUE 'class_enrolled';--> statement-breakpoint
ALTER TYPE "public"."message_kind" ADD VALUE 'class_waitlisted';--> statement-breakpoint
ALTER TYPE "public"."message_kind" ADD VALUE 'class_promoted';--> statement-breakpoint
CREATE TYPE "public"."enrolment_status" AS ENUM('confirmed', 'waitlisted', 'cancelled', 'attended', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."enrolment_cancel_cause" AS ENUM('member', 'coach', 'owner', 'class_cancelled', 'promoted_elsewhere', 'standing_place_ended');--> statement-breakpoint
CREATE TABLE "standing_places" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"series_id" text NOT NULL,
	"member_id" text NOT NULL,
	"status" "recurring_booking_status" DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "class_enrolments" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"class_id" text NOT NULL,
	"member_id" text NOT NULL,
	"status" "enrolment_status" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"queue_seq" bigserial NOT NULL,
	"standing_place_id" text,
	"v1_booking_id" text,
	"cancel_cause" "enrolment_cancel_cause",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"promoted_at" timestamp with time zone,
	"attendance_marked_at" timestamp with time zone,
	CONSTRAINT "class_enrolments_v1_booking_id_unique" UNIQUE("v1_booking_id"),
	CONSTRAINT "class_enrolments_range_check" CHECK ("class_enrolments"."ends_at" > "class_enrolments"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "recurring_bookings" ALTER COLUMN "member_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "recurring_bookings" ADD COLUMN "title" text;--> statement-breakpoint
ALTER TABLE "recurring_bookings" ADD COLUMN "capacity" integer;--> statement-breakpoint
ALTER TABLE "session_conflicts" ALTER COLUMN "member_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "studio_settings" ADD COLUMN "waitlist_cutoff_minutes" integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD COLUMN "places_taken" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "standing_places" ADD CONSTRAINT "standing_places_series_id_recurring_bookings_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."recurring_bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standing_places" ADD CONSTRAINT "standing_places_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_enrolments" ADD CONSTRAINT "class_enrolments_class_id_training_sessions_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_enrolments" ADD CONSTRAINT "class_enrolments_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_enrolments" ADD CONSTRAINT "class_enrolments_standing_place_id_standing_places_id_fk" FOREIGN KEY ("standing_place_id") REFERENCES "public"."standing_places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_enrolments" ADD CONSTRAINT "class_enrolments_v1_booking_id_bookings_id_fk" FOREIGN KEY ("v1_booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "standing_places_live_unique" ON "standing_places" USING btree ("series_id","member_id") WHERE "standing_places"."status" = 'active';--> statement-breakpoint
CREATE INDEX "standing_places_member_idx" ON "standing_places" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "class_enrolments_live_unique" ON "class_enrolments" USING btree ("class_id","member_id") WHERE "class_enrolments"."status" IN ('confirmed', 'waitlisted');--> statement-breakpoint
CREATE INDEX "class_enrolments_class_queue_idx" ON "class_enrolments" USING btree ("class_id","queue_seq");--> statement-breakpoint
CREATE INDEX "class_enrolments_member_starts_idx" ON "class_enrolments" USING btree ("member_id","starts_at");--> statement-breakpoint
CREATE INDEX "training_sessions_group_starts_idx" ON "training_sessions" USING btree ("starts_at") WHERE "training_sessions"."type" = 'GROUP';--> statement-breakpoint
ALTER TABLE "recurring_bookings" ADD CONSTRAINT "recurring_bookings_kind_check" CHECK (("recurring_bookings"."member_id" IS NULL) = ("recurring_bookings"."capacity" IS NOT NULL) AND ("recurring_bookings"."title" IS NULL OR "recurring_bookings"."capacity" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "recurring_bookings" ADD CONSTRAINT "recurring_bookings_capacity_check" CHECK ("recurring_bookings"."capacity" IS NULL OR "recurring_bookings"."capacity" BETWEEN 2 AND 500);--> statement-breakpoint
ALTER TABLE "studio_settings" ADD CONSTRAINT "studio_settings_waitlist_cutoff_minutes_check" CHECK ("studio_settings"."waitlist_cutoff_minutes" BETWEEN 0 AND 10080);--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_places_taken_check" CHECK ("training_sessions"."places_taken" >= 0);--> statement-breakpoint
-- 2. v1's group bookings become enrolments, in booking order (queue_seq
--    follows the insert order, so a v1 waitlist keeps its order).
INSERT INTO class_enrolments (class_id, member_id, status, starts_at, ends_at, v1_booking_id, cancel_cause, created_at, updated_at, cancelled_at)
SELECT b.session_id, b.member_id,
       (CASE
          -- a place in a cancelled class was cancelled with it
          WHEN ts.status = 'cancelled' AND b.status IN ('CONFIRMED', 'WAITLIST') THEN 'cancelled'
          WHEN b.status = 'CONFIRMED' THEN 'confirmed'
          WHEN b.status = 'WAITLIST' THEN 'waitlisted'
          WHEN b.status = 'NO_SHOW' THEN 'no_show'
          ELSE 'cancelled' END)::enrolment_status,
       ts.starts_at, ts.ends_at, b.id,
       (CASE
          WHEN ts.status = 'cancelled' AND b.status IN ('CONFIRMED', 'WAITLIST') THEN 'class_cancelled'
          WHEN b.status = 'CANCELLED_BY_MEMBER' THEN 'member'
          WHEN b.status = 'CANCELLED_BY_COACH' THEN 'coach' END)::enrolment_cancel_cause,
       b.created_at, b.created_at,
       (CASE WHEN ts.status = 'cancelled' AND b.status IN ('CONFIRMED', 'WAITLIST') THEN coalesce(ts.cancelled_at, ts.updated_at) ELSE b.cancelled_at END)
FROM bookings b JOIN training_sessions ts ON ts.id = b.session_id AND ts.type = 'GROUP'
ORDER BY b.created_at, b.id;
--> statement-breakpoint
UPDATE training_sessions ts SET places_taken = n.held
FROM (SELECT class_id, count(*)::int AS held FROM class_enrolments
      WHERE status IN ('confirmed', 'attended', 'no_show') GROUP BY class_id) n
WHERE ts.id = n.class_id;
--> statement-breakpoint
-- 3. A member's confirmed places never overlap (invariant 8), keyed as the
--    sessions' constraints are (0005): the hash of the member first.
ALTER TABLE "class_enrolments" ADD CONSTRAINT "class_enrolments_member_no_overlap"
  EXCLUDE USING gist ((hashtext(member_id)) WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&, member_id WITH =)
  WHERE (status = 'confirmed');
--> statement-breakpoint
-- 4. places_taken counts the places held (confirmed, attended, no-show). A
--    place beyond the capacity is refused here, whatever the race: the
--    UPDATE of the class row serialises every change to one class's places.
--    v1 classes that were over capacity keep their places (a decrement is
--    never refused), and take no new one until they are under it.
CREATE FUNCTION class_places_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  held_before boolean := TG_OP <> 'INSERT' AND OLD.status IN ('confirmed', 'attended', 'no_show');
  held_after boolean := TG_OP <> 'DELETE' AND NEW.status IN ('confirmed', 'attended', 'no_show');
BEGIN
  IF held_before AND NOT held_after THEN
    UPDATE training_sessions SET places_taken = places_taken - 1 WHERE id = OLD.class_id;
  ELSIF held_after AND NOT held_before THEN
    UPDATE training_sessions SET places_taken = places_taken + 1
    WHERE id = NEW.class_id AND places_taken < capacity;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'class % is full', NEW.class_id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'class_enrolments_capacity';
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER class_enrolments_places
  AFTER INSERT OR DELETE OR UPDATE OF status ON class_enrolments
  FOR EACH ROW EXECUTE FUNCTION class_places_count();
--> statement-breakpoint
-- 5. A cancelled class gives its places back and empties its waitlist,
--    whoever cancelled it (the coach, the owner, a time off).
CREATE FUNCTION class_cancelled_enrolments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE class_enrolments
  SET status = 'cancelled', cancel_cause = 'class_cancelled',
      cancelled_at = coalesce(NEW.cancelled_at, now()), updated_at = coalesce(NEW.cancelled_at, now())
  WHERE class_id = NEW.id AND status IN ('confirmed', 'waitlisted');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER training_sessions_class_cancelled
  AFTER UPDATE OF status ON training_sessions
  FOR EACH ROW WHEN (NEW.type = 'GROUP' AND NEW.status = 'cancelled' AND OLD.status <> 'cancelled')
  EXECUTE FUNCTION class_cancelled_enrolments();
