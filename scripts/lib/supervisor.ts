// Keeps the server process of `npm start` running: when it dies without
// being asked to (a crash, the OOM killer, a stray kill), the supervisor
// logs it and starts it again after a backoff (1 s, doubling up to 30 s,
// back to 1 s once a server has stayed up for a minute). SIGTERM or SIGINT
// to `npm start` is passed to the server and ends supervision: the server
// stops and is not restarted.
import type { ChildProcess } from "node:child_process";
import { constants } from "node:os";

export interface SupervisorOptions {
  /** Starts one server process. */
  spawn: () => ChildProcess;
  log: (line: string) => void;
  /** Called with each new server's pid (the PGlite pid file). */
  onStart?: (pid: number) => void;
  /** First restart delay; default 1 s (tests use less). */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** A server up this long resets the backoff; default 60 s. */
  stableAfterMs?: number;
}

export interface Supervisor {
  /** Resolves with the exit code once a stop was asked and the server has exited. */
  done: Promise<number>;
  /** Stops the server (sends `signal`) and supervision. Idempotent. */
  stop(signal?: NodeJS.Signals): void;
  /** The running server's pid, if any. */
  pid(): number | undefined;
}

export function superviseServer(options: SupervisorOptions): Supervisor {
  const initialBackoff = options.initialBackoffMs ?? 1_000;
  const maxBackoff = options.maxBackoffMs ?? 30_000;
  const stableAfter = options.stableAfterMs ?? 60_000;
  let backoff = initialBackoff;
  let child: ChildProcess | null = null;
  let restartTimer: ReturnType<typeof setTimeout> | null = null;
  let stopping = false;
  let restarts = 0;
  let resolveDone!: (code: number) => void;
  const done = new Promise<number>((resolve) => (resolveDone = resolve));

  const start = () => {
    restartTimer = null;
    if (stopping) return resolveDone(0);
    const startedAt = Date.now();
    const current = options.spawn();
    child = current;
    if (current.pid) options.onStart?.(current.pid);
    current.once("error", (error) => options.log(`Server: could not start: ${error.message}`));
    current.once("exit", (code, signal) => {
      child = null;
      const exitCode = code ?? 128 + (signal ? constants.signals[signal] : 1);
      if (stopping) return resolveDone(exitCode);
      if (Date.now() - startedAt >= stableAfter) backoff = initialBackoff;
      restarts += 1;
      options.log(
        `Server: exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}); ` +
          `restarting in ${formatDelay(backoff)} (restart ${restarts})`,
      );
      restartTimer = setTimeout(start, backoff);
      backoff = Math.min(backoff * 2, maxBackoff);
    });
  };

  start();
  return {
    done,
    pid: () => child?.pid,
    stop(signal: NodeJS.Signals = "SIGTERM") {
      if (stopping) return;
      stopping = true;
      if (restartTimer) {
        clearTimeout(restartTimer);
        restartTimer = null;
        resolveDone(0);
      } else if (child) {
        child.kill(signal);
      } else {
        resolveDone(0);
      }
    },
  };
}

function formatDelay(ms: number): string {
  return ms >= 1_000 ? `${ms / 1_000} s` : `${ms} ms`;
}
