-- One coach's or one member's sessions over a range: the coach's week, the
-- member's sessions, the owner's calendar of a coach, the weekly figures
-- (per coach), GET /api/v1/sessions. The exclusion indexes hold only the
-- live calendar, and starts_at alone reads every coach's sessions in the
-- range: at 600,000 sessions the planner scanned the whole table (~40 ms)
-- for a coach's two weeks. (coach_id, starts_at) serves everything the
-- starts_at index served per coach, so it replaces it; what is left to it
-- is the owner's list of every session over a range, which now scans.
-- Each btree costs ~5 µs per session inserted or completed.
DROP INDEX "training_sessions_starts_idx";--> statement-breakpoint
CREATE INDEX "training_sessions_coach_starts_idx" ON "training_sessions" USING btree ("coach_id","starts_at");--> statement-breakpoint
CREATE INDEX "training_sessions_member_starts_idx" ON "training_sessions" USING btree ("member_id","starts_at");