-- A version stamp per coach calendar, so a server can keep a coach's free
-- time between requests and know, exactly, when it has changed.
--
-- Free time is computed from five tables: coach_settings (zone, notice,
-- default length), weekly_availability, availability_additions,
-- blocked_slots and training_sessions. Every statement that writes one of
-- them moves the version of each coach it touched, in the same
-- transaction: to the id of that transaction (xid8), or one past the
-- coach's last version if that is higher (a database restored into a new
-- cluster counts transactions from lower down), so a coach's version only
-- ever grows. A reader that sees the version it cached therefore sees, in
-- the same snapshot, the data it cached: whichever process or server
-- instance wrote, by the app or by hand. A coach without a row has version 0.
--
-- Statement-level triggers with transition tables: one upsert per statement
-- (a generation batch of thousands of sessions touches each of its coaches
-- once), and coaches in id order, so that two statements never wait on
-- each other's rows in opposite orders. No foreign key: deleting a coach
-- (and, by cascade, their rows) still records the change.
CREATE TABLE "calendar_versions" (
	"coach_id" text PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE FUNCTION touch_calendar_versions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    touched := ARRAY(SELECT coach_id FROM new_rows);
  ELSIF TG_OP = 'UPDATE' THEN
    touched := ARRAY(SELECT coach_id FROM old_rows UNION ALL SELECT coach_id FROM new_rows);
  ELSE
    touched := ARRAY(SELECT coach_id FROM old_rows);
  END IF;
  INSERT INTO calendar_versions AS v (coach_id, version)
    SELECT DISTINCT coach_id, pg_current_xact_id()::text::bigint
    FROM unnest(touched) AS t(coach_id) WHERE coach_id IS NOT NULL ORDER BY coach_id
  ON CONFLICT (coach_id) DO UPDATE SET version = greatest(v.version + 1, excluded.version);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Three triggers (one per event: a trigger with transition tables has one)
-- on each table free time is computed from.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['coach_settings', 'weekly_availability', 'availability_additions', 'blocked_slots', 'training_sessions'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION touch_calendar_versions()', t || '_calendar_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION touch_calendar_versions()', t || '_calendar_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION touch_calendar_versions()', t || '_calendar_delete', t);
  END LOOP;
END $$;
