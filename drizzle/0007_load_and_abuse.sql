-- Holding under load and abuse, and several instances on one database:
-- rate_limits (counters every instance shares, instead of each process's
-- memory), api_keys (personal keys for integrations, stored as SHA-256
-- hashes), studio_settings (one row: the booking window), and
-- session_generation_runs.scheduled_on, unique, so a scheduled day's run is
-- inserted by one instance only.
CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"resets_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "studio_settings" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"booking_window_days" integer DEFAULT 365 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "studio_settings_single_row_check" CHECK ("studio_settings"."id"),
	CONSTRAINT "studio_settings_booking_window_days_check" CHECK ("studio_settings"."booking_window_days" BETWEEN 1 AND 3650)
);
--> statement-breakpoint
ALTER TABLE "session_generation_runs" ADD COLUMN "scheduled_on" date;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_keys_user_idx" ON "api_keys" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "rate_limits_resets_at_idx" ON "rate_limits" USING btree ("resets_at");--> statement-breakpoint
ALTER TABLE "session_generation_runs" ADD CONSTRAINT "session_generation_runs_scheduled_on_unique" UNIQUE("scheduled_on");--> statement-breakpoint
INSERT INTO "studio_settings" ("id") VALUES (true) ON CONFLICT DO NOTHING;