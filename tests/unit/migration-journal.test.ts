// drizzle's migrator applies a migration only when its journal time is later
// than the newest one a database has recorded. drizzle-kit stamps new
// entries with the clock, and 0001 carries a hand-set time, so a new
// migration could silently sort before it and never run on upgraded
// databases. This guards the order.
import { describe, expect, it } from "vitest";
import { readMigrations } from "@/db/migrate";

describe("drizzle/meta/_journal.json", () => {
  it("gives every migration a strictly later time than the one before", () => {
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThanOrEqual(3);
    for (let index = 1; index < migrations.length; index += 1) {
      const previous = migrations[index - 1]!;
      const current = migrations[index]!;
      expect(current.folderMillis, `${current.tag} must be later than ${previous.tag}: raise its "when"`).toBeGreaterThan(
        previous.folderMillis,
      );
    }
  });
});
