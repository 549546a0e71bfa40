// The front's admission gate (scripts/lib/serve.ts): at most N requests are
// inside Next.js at once; the rest wait their turn in arrival order, outside
// it, where waiting costs no CPU. A Node process has one event loop: with 50
// clients all inside Next, every await of every request queues behind every
// other's, and health checks waited seconds (docs/performance.md). With a few inside, a request
// that skips the line (health checks) waits behind those few only, and the
// others are served in order, each still within a few hundred milliseconds.
// A queue that grows past its bound, or a wait past its bound, is answered
// 503 with Retry-After: then the server truly cannot keep up.
// See docs/decisions/0001-bounded-waits-on-the-booking-path.md.

export interface AdmissionOptions {
  /** Requests inside Next.js at once (ADMISSION_CONCURRENCY, default 2). */
  concurrency: number;
  /** Requests waiting at most (ADMISSION_QUEUE, default 1000); one more is refused at once. */
  queue: number;
  /** The longest a request waits for its turn (ADMISSION_WAIT_MS, default 10 s). */
  waitMs: number;
}

export interface Admission {
  /**
   * Runs `enter` when the request's turn comes, or `refuse` when it cannot
   * have one. `enter` gets `leave`, to call once the answer is done.
   */
  admit(enter: (leave: () => void) => void, refuse: () => void, cancelled: (onCancel: () => void) => void): void;
  /** Requests inside and waiting (for tests and logs). */
  counts(): { inside: number; waiting: number };
}

interface Waiter {
  enter: (leave: () => void) => void;
  refuse: () => void;
  timer: ReturnType<typeof setTimeout>;
  done: boolean;
}

export function createAdmission(options: AdmissionOptions): Admission {
  let inside = 0;
  const waiting: (Waiter | undefined)[] = [];
  let head = 0;

  const leaveOnce = () => {
    let left = false;
    return () => {
      if (left) return;
      left = true;
      inside -= 1;
      next();
    };
  };
  const next = () => {
    while (inside < options.concurrency && head < waiting.length) {
      const waiter = waiting[head];
      waiting[head] = undefined; // dropped for the collector before the splice below
      head += 1;
      if (!waiter || waiter.done) continue;
      waiter.done = true;
      clearTimeout(waiter.timer);
      inside += 1;
      waiter.enter(leaveOnce());
    }
    if (head > 1024 && head * 2 > waiting.length) {
      waiting.splice(0, head);
      head = 0;
    }
  };

  return {
    admit(enter, refuse, cancelled) {
      if (inside < options.concurrency && head === waiting.length) {
        inside += 1;
        enter(leaveOnce());
        return;
      }
      if (waiting.length - head >= options.queue) return refuse();
      const waiter: Waiter = {
        enter,
        refuse,
        done: false,
        timer: setTimeout(() => {
          if (waiter.done) return;
          waiter.done = true;
          refuse();
        }, options.waitMs),
      };
      waiting.push(waiter);
      // A client that hangs up while waiting gives its place away.
      cancelled(() => {
        if (waiter.done) return;
        waiter.done = true;
        clearTimeout(waiter.timer);
      });
    },
    counts: () => ({ inside, waiting: waiting.slice(head).filter((waiter) => waiter && !waiter.done).length }),
  };
}

function positiveInteger(name: string, fallback: number, env: Readonly<Record<string, string | undefined>>): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1 (got "${raw}")`);
  return value;
}

/** The gate's settings from the environment; a bad value stops the start with its reason. */
export function admissionOptions(env: Readonly<Record<string, string | undefined>> = process.env): AdmissionOptions {
  return {
    concurrency: positiveInteger("ADMISSION_CONCURRENCY", 2, env),
    queue: positiveInteger("ADMISSION_QUEUE", 1000, env),
    waitMs: positiveInteger("ADMISSION_WAIT_MS", 10_000, env),
  };
}

/** Requests that skip the line: the health check, which must answer while the app is busy. */
export function skipsAdmission(url: string | undefined): boolean {
  return url === "/api/health" || url?.startsWith("/api/health?") === true;
}
