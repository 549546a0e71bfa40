// The browser suite's clock. Unset E2E_NOW: the real one. E2E_NOW=<ISO
// instant> runs the suite as if it were then, time still flowing: the
// offset to the real clock is taken once, when playwright.config.ts loads,
// and handed through E2E_CLOCK_OFFSET_MS to the test workers and the server
// (serve.ts seeds at the shifted instant and starts Next with
// shifted-clock.cjs preloaded); pages get it through support.ts.
//
// Only JavaScript clocks move. PGlite runs inside the Node process and
// reads that clock, so its now() moves too, as long as the preload is in
// place before the database opens (serve.ts's seed and the server alike:
// otherwise the seed's generation run, stamped by now(), sorts after later
// ones when E2E_NOW is in the past). A PostgreSQL server's now() would stay
// real (the suite uses PGlite). The browser's own clock for cookie expiry
// stays real: a shift of at most a week either way keeps a sign-in session
// (7 days) from being expired by it before it starts.
import { createRequire } from "node:module";
import path from "node:path";

const MAX_SHIFT_MS = 7 * 86_400_000;

/** The preload module that shifts a Node process's clock. */
export const SHIFTED_CLOCK_PRELOAD = path.join(__dirname, "shifted-clock.cjs");

/** Milliseconds between the suite's clock and the real one; 0 without E2E_NOW. */
export function clockOffsetMs(env: NodeJS.ProcessEnv = process.env): number {
  if (env.E2E_CLOCK_OFFSET_MS) return Number(env.E2E_CLOCK_OFFSET_MS);
  const target = env.E2E_NOW?.trim();
  if (!target) return 0;
  const at = Date.parse(target);
  if (Number.isNaN(at) || !/(Z|[+-]\d{2}:\d{2})$/.test(target)) {
    throw new Error(`E2E_NOW "${target}" must be an ISO instant with its offset, e.g. 2026-12-07T09:30:00Z`);
  }
  const offset = at - Date.now();
  if (Math.abs(offset) > MAX_SHIFT_MS) {
    throw new Error(`E2E_NOW "${target}" must be within 7 days of now (the database's now() and cookie expiry stay real)`);
  }
  // Taken once: the workers and the server inherit it, so all agree.
  env.E2E_CLOCK_OFFSET_MS = String(offset);
  return offset;
}

/** The suite's current instant. */
export function suiteNow(): Date {
  // In a process the preload has shifted (serve.ts), Date is the suite's clock already.
  if ((globalThis as Record<symbol, unknown>)[Symbol.for("coachbook.shiftedClock")] !== undefined) return new Date();
  return new Date(Date.now() + clockOffsetMs());
}

/** Shifts this process's own clock (the preload, loaded late): before any database opens. */
export function shiftThisProcess(): void {
  if (clockOffsetMs() !== 0) createRequire(__filename)(SHIFTED_CLOCK_PRELOAD);
}
