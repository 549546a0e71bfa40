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
-- clock (the offset a day before `i` is the one before the transition).
-- A single expression, so the planner inlines it into set-based queries.
CREATE OR REPLACE FUNCTION wall_clock_to_instant(local timestamp, zone text)
RETURNS timestamptz
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN ((local - (((local AT TIME ZONE zone) - interval '1 day') AT TIME ZONE zone
                    - ((local AT TIME ZONE zone) - interval '1 day') AT TIME ZONE 'UTC'))
          AT TIME ZONE 'UTC') < (local AT TIME ZONE zone)
     AND ((local - (((local AT TIME ZONE zone) - interval '1 day') AT TIME ZONE zone
                    - ((local AT TIME ZONE zone) - interval '1 day') AT TIME ZONE 'UTC'))
          AT TIME ZONE 'UTC') AT TIME ZONE zone = local
    THEN (local - (((local AT TIME ZONE zone) - interval '1 day') AT TIME ZONE zone
                   - ((local AT TIME ZONE zone) - interval '1 day') AT TIME ZONE 'UTC'))
          AT TIME ZONE 'UTC'
    ELSE local AT TIME ZONE zone
  END
$$;
