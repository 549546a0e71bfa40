// `npm run db:check-upgrade`: runs the pending migrations exactly as the real
// upgrade would (the same SQL files, statement by statement, in one
// transaction on one connection) and always rolls back. The preflight of
// drizzle/0001_upgrade.sql refuses v1 data that breaks a new invariant, so its
// report is what the real upgrade would say, and cannot drift from it.
// See docs/decisions/0009-v1-upgrade-refusal-rule.md.
import { sql, type SQL } from "drizzle-orm";
import { TransactionRollbackError } from "drizzle-orm/errors";
import type { DatabaseHandle } from "./client";
import { databaseErrorMessage, MIGRATIONS_FOLDER, pendingMigrations, type Migration } from "./migrate";

export type UpgradeCheck =
  | { ready: true; pending: string[] }
  | { ready: false; pending: string[]; report: string };

/** How the preflight's exception message starts (drizzle/0001_upgrade.sql). */
export const UPGRADE_REFUSED = "Coachbook upgrade refused:";

export async function checkUpgrade(
  handle: DatabaseHandle,
  migrationsFolder = MIGRATIONS_FOLDER,
): Promise<UpgradeCheck> {
  const migrations = await pendingMigrations(handle, migrationsFolder);
  const pending = migrations.map((migration) => migration.tag);
  if (migrations.length === 0) return { ready: true, pending };

  let running: Migration | undefined;
  const applyThenRollBack = async (tx: { execute(query: SQL): Promise<unknown>; rollback(): never }) => {
    // The statements of every pending migration, as drizzle's migrator
    // executes them (one by one, in one transaction).
    for (const migration of migrations) {
      running = migration;
      for (const statement of migration.sql) await tx.execute(sql.raw(statement));
    }
    running = undefined;
    tx.rollback();
  };
  try {
    // drizzle's transaction takes one dedicated connection (a client checked
    // out of the pool for PostgreSQL) and rolls back when the callback throws.
    if (handle.kind === "pglite") await handle.db.transaction(applyThenRollBack);
    else await handle.db.transaction(applyThenRollBack);
  } catch (error) {
    if (error instanceof TransactionRollbackError && running === undefined) return { ready: true, pending };
    const message = databaseErrorMessage(error);
    const report =
      message.startsWith(UPGRADE_REFUSED) || !running ? message : `Migration ${running.tag} failed: ${message}`;
    return { ready: false, pending, report };
  }
  throw new Error("checkUpgrade: the transaction was expected to roll back");
}
