// The daily job: for every active series, materialise the occurrences up to
// `weeksAhead` weeks from `now` that do not exist yet (occurrences that no
// longer fit become conflicts, never silently dropped), and alongside mark
// completed every scheduled session whose end has passed. Records the run.
//
// Set-based: one statement per batch of series (default 5,000). The series
// fall into GENERATION_LANES lanes by a hash of their coach; each batch holds
// one lane's series and runs in its own transaction under that lane's
// advisory lock, so
//  - two runs at once never create anything twice and never mistake each
//    other's fresh rows for conflicts (the second waits, then sees them);
//  - a series cancelled meanwhile is never given new sessions (cancelling
//    takes every lane's lock);
//  - a run killed halfway leaves whole batches behind, and the next run
//    completes the rest (`signal` stops one cleanly between batches);
//  - on PostgreSQL the lanes run side by side, each on a pool connection of
//    its own (the database's cores, not one). Series competing for one
//    coach share a lane; a member's occurrence that the other lane placed
//    first is settled like a booking made meanwhile: that batch runs again,
//    checked, and records a conflict.
// `now` is a parameter: tests and backfills never depend on today's date.
// See docs/decisions/0005-one-generation-statement.md.
import { eq, sql, type SQL } from "drizzle-orm";
import { queriesRunConcurrently, selectRows, type DatabaseOrTransaction } from "@/db";
import { DEADLOCK_DETECTED, EXCLUSION_VIOLATION, hasPostgresCode } from "@/db/errors";
import { coachSettings, recurringBookings, sessionGenerationRuns, trainingSessions, users } from "@/db/schema";
import { columnName } from "@/db/sql-names";
import { AppError } from "@/domain/errors";
import { businessTimeZone } from "../config";
import {
  GENERATION_LANES,
  chosenSeries,
  cs,
  generationLane,
  owesOccurrenceExactly,
  owesOccurrences,
  placeOccurrences,
  rb,
  seriesZone,
} from "./occurrences-sql";
import { startRun } from "./generation-runs";

/** Who started a run. */
export type GenerationTrigger = "cron" | "admin" | "cli" | "scheduler" | "seed" | "test";

export interface GenerateSessionsOptions {
  /** 1–52. */
  weeksAhead: number;
  now?: Date;
  trigger?: GenerationTrigger;
  /** The owner who asked (admin runs). */
  requestedBy?: string | null;
  /** Series per statement. */
  batchSize?: number;
  /** Called after each batch: series done so far out of the active total. */
  onProgress?: (progress: { seriesDone: number; seriesTotal: number; created: number; conflicts: number }) => void;
  /**
   * Stops the run between two batches (e.g. on SIGTERM): the batches done
   * stay, the run is recorded as failed, and the next run completes the rest.
   */
  signal?: AbortSignal;
  /** The run's row when the caller wrote it (a scheduled day's: generation-runs.ts); else one is written. */
  runId?: string;
}

export interface GenerationResult {
  runId: string;
  created: number;
  conflicts: number;
  completed: number;
  durationMs: number;
}

const LOCK_KEY = sql`hashtext('coachbook:session-generation')`;

/** One lane's lock: its batches take it, one at a time (see above). */
const laneLock = (lane: number) => sql`pg_advisory_xact_lock(${LOCK_KEY}, ${lane}::int)`;

/**
 * Every lane's lock, in lane order: cancelling a series and retrying a
 * conflict hold it, so no batch runs meanwhile (see above). A statement.
 */
export const LOCK_GENERATION = sql`
  SELECT pg_advisory_xact_lock(${LOCK_KEY}, lane) FROM generate_series(0, ${GENERATION_LANES - 1}::int) AS lane`;

export async function generateSessions(db: DatabaseOrTransaction, options: GenerateSessionsOptions): Promise<GenerationResult> {
  const { weeksAhead } = options;
  checkWeeksAhead(weeksAhead);
  const now = options.now ?? new Date();
  const window: GenerationWindow = { now, until: new Date(now.getTime() + weeksAhead * 7 * 86_400_000), zone: businessTimeZone() };
  const started = performance.now();
  const runId =
    options.runId ??
    (await startRun(db, { trigger: options.trigger ?? "cli", requestedBy: options.requestedBy ?? null, weeksAhead }));

  const totals = { created: 0, conflicts: 0, completed: 0 };
  let completion: Promise<number> | undefined;
  try {
    const batches = await owingBatches(db, owingExactly(window), options.batchSize ?? 5_000);
    // Ended sessions are completed alongside the batches: other rows (they
    // ended by `now`; batches place sessions after it), none of them in the
    // exclusion indexes, and on PostgreSQL a pool connection of their own.
    if (batches.length > 0) {
      completion = completeEndedSessions(db, now);
      completion.catch(() => {}); // awaited below, on success and on failure
    }
    await runLanes(db, window, batches, totals, options);
    totals.completed = await (completion ?? completeEndedSessions(db, now));

    const durationMs = Math.round(performance.now() - started);
    await finishRun(db, runId, { status: "succeeded", ...totals, durationMs });
    return { runId, ...totals, durationMs };
  } catch (error) {
    if (completion) totals.completed = await completion.catch(() => totals.completed);
    const durationMs = Math.round(performance.now() - started);
    const message = error instanceof Error ? error.message : String(error);
    await finishRun(db, runId, { status: "failed", ...totals, durationMs, error: message }).catch(() => {});
    throw error;
  }
}

/** What one run covers: from `now` to `until`; `zone` is the business zone, for coaches without their own. */
interface GenerationWindow {
  now: Date;
  until: Date;
  zone: string;
}

function checkWeeksAhead(weeksAhead: number): void {
  if (!Number.isInteger(weeksAhead) || weeksAhead < 1 || weeksAhead > 52) {
    throw new AppError("invalid_input", "weeksAhead must be a whole number from 1 to 52", {
      weeksAhead: "Must be a whole number from 1 to 52",
    });
  }
}

/** The series that may owe an occurrence in the window: the day after a run, those whose next one falls on the new day. */
function owing(window: GenerationWindow): SQL {
  return sql`${rb.status} = 'active' AND ${owesOccurrences(seriesZone(window.zone), window.until)}`;
}

/** Those that owe one for certain: batches are cut from these, so a series the wall-clock test keeps only for its margin costs no batch. */
function owingExactly(window: GenerationWindow): SQL {
  return sql`${owing(window)} AND ${owesOccurrenceExactly(seriesZone(window.zone), window.until)}`;
}

/** One batch in its own transaction, under its lane's lock; `retry`: checked for busy times and arbitrated. */
function placeBatch(db: DatabaseOrTransaction, window: GenerationWindow, batch: OwingBatch, retry: boolean) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT ${laneLock(batch.lane)}`);
    // Share-lock the batch's coaches, as a booking does: an availability
    // change in flight finishes first (and the batch checks the new week),
    // and a change that starts meanwhile waits for the batch.
    await tx.execute(sql`
      SELECT 1 FROM ${users} WHERE ${users.id} IN (
        SELECT ${rb.coachId} FROM ${OWING_FROM}
        WHERE ${owing(window)} AND ${chosenSeries(batch)}
      ) ORDER BY ${users.id} FOR SHARE`);
    // The inlined wall-clock functions make a large expression; JIT would
    // spend seconds compiling it for each batch (PostgreSQL; PGlite has none).
    await tx.execute(sql`SET LOCAL jit = off`);
    const placing = { after: window.now, until: window.until, businessTimeZone: window.zone, series: batch };
    return placeOccurrences(tx, placing, { conflictStatus: "open", now: window.now, arbitrate: retry, busyChecks: retry, notifyConflicts: true });
  });
}

/**
 * A batch, first on the fast path; when an occurrence overlaps a session
 * (already there, booked while the batch ran, or placed by the other lane),
 * again, checked and arbitrated (that occurrence becomes a conflict).
 */
async function placeBatchSettled(db: DatabaseOrTransaction, window: GenerationWindow, batch: OwingBatch) {
  try {
    return await placeBatch(db, window, batch, false);
  } catch (error) {
    if (!isOverlapRace(error)) throw error;
    return placeBatch(db, window, batch, true).catch((again: unknown) => {
      // Two lanes' batches waiting on each other's new rows: PostgreSQL
      // ends one of them; the other has committed by the time this runs.
      if (!hasPostgresCode(again, DEADLOCK_DETECTED)) throw again;
      return placeBatch(db, window, batch, true);
    });
  }
}

/**
 * Every lane's batches, in order within a lane; on PostgreSQL the lanes side
 * by side. A lane stops between two batches when the caller aborts, or when
 * the other lane failed. Adds what each batch placed to `totals`.
 */
async function runLanes(
  db: DatabaseOrTransaction,
  window: GenerationWindow,
  batches: OwingBatch[],
  totals: { created: number; conflicts: number },
  options: Pick<GenerateSessionsOptions, "signal" | "onProgress">,
): Promise<void> {
  const seriesTotal = batches.reduce((total, batch) => total + batch.size, 0);
  let seriesDone = 0;
  const stop = new AbortController();
  const runLane = async (lane: OwingBatch[]) => {
    for (const batch of lane) {
      // PGlite answers without ever reaching the event loop's I/O phase, where
      // signals are delivered: let it turn once per batch.
      if (options.signal) await new Promise((resolve) => setImmediate(resolve));
      if (options.signal?.aborted || stop.signal.aborted) {
        throw new Error(`Interrupted after ${seriesDone} of ${seriesTotal} series; the next run completes the rest`);
      }
      const placed = await placeBatchSettled(db, window, batch);
      totals.created += placed.created;
      totals.conflicts += placed.conflicts;
      seriesDone += batch.size;
      options.onProgress?.({ seriesDone, seriesTotal, created: totals.created, conflicts: totals.conflicts });
    }
  };
  const lanes = Array.from({ length: GENERATION_LANES }, (_, lane) => batches.filter((batch) => batch.lane === lane));
  if (queriesRunConcurrently(db)) {
    const outcomes = await Promise.allSettled(
      lanes.map((lane) => runLane(lane).catch((error: unknown) => (stop.abort(), Promise.reject(error)))),
    );
    const failed = outcomes.find((outcome) => outcome.status === "rejected");
    if (failed) throw failed.reason;
  } else {
    for (const lane of lanes) await runLane(lane);
  }
}

/** Marks completed every scheduled session whose end has passed; answers how many. */
async function completeEndedSessions(db: DatabaseOrTransaction, now: Date): Promise<number> {
  const rows = await selectRows<{ completed: number }>(db, sql`
    WITH done AS (
      UPDATE ${trainingSessions} SET ${columnName(trainingSessions.status)} = 'completed', ${columnName(trainingSessions.updatedAt)} = now()
      WHERE ${trainingSessions.status} = 'scheduled' AND ${trainingSessions.endsAt} <= ${now.toISOString()}::timestamptz
      RETURNING 1
    )
    SELECT count(*)::int AS completed FROM done`);
  return Number(rows[0]!.completed);
}

/** Series with their coach's settings, for the `owing` condition. */
const OWING_FROM = sql`${recurringBookings} ${rb} LEFT JOIN ${coachSettings} ${cs} ON ${cs.coachId} = ${rb.coachId}`;

/** A batch: the owing series of one lane (a share of the coaches) whose ids are in (idAfter, idLast]. */
interface OwingBatch {
  lane: number;
  idAfter: string | null;
  idLast: string;
  size: number;
}

/**
 * The owing series of each lane, cut into batches of `size` in id order: a
 * batch's statement then reads its series by id range (no id lists), and
 * one scan finds every bound. A series created meanwhile placed its own
 * occurrences.
 */
async function owingBatches(db: DatabaseOrTransaction, owing: SQL, size: number): Promise<OwingBatch[]> {
  const rows = await selectRows<{ lane: number; id_last: string; size: number }>(db, sql`
    SELECT lane, id AS id_last, (rn - 1) % ${size} + 1 AS size FROM (
      SELECT ${rb.id}, ${generationLane(rb.coachId)} AS lane,
             row_number() OVER (PARTITION BY ${generationLane(rb.coachId)} ORDER BY ${rb.id}) AS rn,
             count(*) OVER (PARTITION BY ${generationLane(rb.coachId)}) AS total
      FROM ${OWING_FROM} WHERE ${owing}
    ) owing
    WHERE rn % ${size} = 0 OR rn = total
    ORDER BY lane, id`);
  const batches: OwingBatch[] = [];
  for (const row of rows) {
    const lane = Number(row.lane);
    const previous = batches.at(-1);
    batches.push({ lane, idAfter: previous?.lane === lane ? previous.idLast : null, idLast: row.id_last, size: Number(row.size) });
  }
  return batches;
}

/** An error that arbitrating the batch settles: an exclusion violation, or a deadlock between two lanes' new rows. */
function isOverlapRace(error: unknown): boolean {
  return hasPostgresCode(error, EXCLUSION_VIOLATION) || hasPostgresCode(error, DEADLOCK_DETECTED);
}

async function finishRun(
  db: DatabaseOrTransaction,
  runId: string,
  outcome: {
    status: "succeeded" | "failed";
    created: number;
    conflicts: number;
    completed: number;
    durationMs: number;
    error?: string;
  },
): Promise<void> {
  await db
    .update(sessionGenerationRuns)
    .set({
      status: outcome.status,
      createdCount: outcome.created,
      conflictCount: outcome.conflicts,
      completedCount: outcome.completed,
      durationMs: outcome.durationMs,
      error: outcome.error ?? null,
      finishedAt: sql`now()`,
    })
    .where(eq(sessionGenerationRuns.id, runId));
}
