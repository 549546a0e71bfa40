CREATE INDEX "availability_additions_coach_starts_idx" ON "availability_additions" USING btree ("coach_id","starts_at");--> statement-breakpoint
CREATE INDEX "blocked_slots_coach_starts_idx" ON "blocked_slots" USING btree ("coach_id","starts_at");--> statement-breakpoint
CREATE INDEX "recurring_bookings_member_idx" ON "recurring_bookings" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "recurring_bookings_coach_idx" ON "recurring_bookings" USING btree ("coach_id");--> statement-breakpoint
CREATE INDEX "session_conflicts_coach_status_idx" ON "session_conflicts" USING btree ("coach_id","status");--> statement-breakpoint
CREATE INDEX "training_sessions_starts_idx" ON "training_sessions" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "training_sessions_scheduled_ends_idx" ON "training_sessions" USING btree ("ends_at") WHERE "training_sessions"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "weekly_availability_coach_day_idx" ON "weekly_availability" USING btree ("coach_id","day_of_week");--> statement-breakpoint
-- DESIGN.md's time rule in SQL, the twin of wallClockToInstant() in
-- src/domain/time.ts (property tests hold them equal): the instant at which
-- the wall clock in `zone` shows `local`. PostgreSQL's own `AT TIME ZONE`
-- already moves a time inside a spring-forward gap forward by the gap, but
-- gives the *later* instant for a time that occurs twice; Temporal's
-- "compatible" takes the earlier one. So: take PostgreSQL's answer `i`, and
-- prefer the instant one offset-change earlier when it shows the same wall
-- clock (the offset 24 hours before `i` is the one before the transition;
-- hours, not a day, so the session's TimeZone never matters).
-- A single expression, declared STABLE and not STRICT, so the planner
-- inlines it into set-based queries (timestamptz arithmetic is STABLE, and a
-- STRICT function around a CASE is never inlined): about 15 times faster
-- than calling it per row. Huge inlined expressions make PostgreSQL's JIT
-- compile for seconds, so the generator turns JIT off for its statements.
CREATE OR REPLACE FUNCTION wall_clock_to_instant(local timestamp, zone text)
RETURNS timestamptz
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN ((local - (((local AT TIME ZONE zone) - interval '24 hours') AT TIME ZONE zone
                    - ((local AT TIME ZONE zone) - interval '24 hours') AT TIME ZONE 'UTC'))
          AT TIME ZONE 'UTC') < (local AT TIME ZONE zone)
     AND ((local - (((local AT TIME ZONE zone) - interval '24 hours') AT TIME ZONE zone
                    - ((local AT TIME ZONE zone) - interval '24 hours') AT TIME ZONE 'UTC'))
          AT TIME ZONE 'UTC') AT TIME ZONE zone = local
    THEN (local - (((local AT TIME ZONE zone) - interval '24 hours') AT TIME ZONE zone
                   - ((local AT TIME ZONE zone) - interval '24 hours') AT TIME ZONE 'UTC'))
          AT TIME ZONE 'UTC'
    ELSE local AT TIME ZONE zone
  END
$$;
--> statement-breakpoint
-- The end instant of a wall-clock range startTime–endTime on `day`: the end's
-- own instant, unless a spring-forward gap pushed the start to or past it
-- ("Sundays 02:30–03:00" in New York on 2027-03-14: the start becomes 03:30
-- EDT while 03:00 EDT exists); then the range keeps its wall-clock length
-- from the shifted start. Twin of wallClockEnd() in src/domain/time.ts.
CREATE OR REPLACE FUNCTION wall_clock_end(day date, start_time time, end_time time, zone text)
RETURNS timestamptz
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN wall_clock_to_instant(day + end_time, zone) > wall_clock_to_instant(day + start_time, zone)
    THEN wall_clock_to_instant(day + end_time, zone)
    ELSE wall_clock_to_instant(day + start_time, zone) + (end_time - start_time)
  END
$$;
