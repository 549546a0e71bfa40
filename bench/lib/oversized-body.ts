// oversized_body_rss_growth_mb: ten 50 MB bodies posted at once to the
// sign-in endpoint (unauthenticated, the worst case the issue saw), each
// expected to be answered 413 before it is read. The figure is the server
// process's resident memory at its peak during the posts minus before them,
// sampled from /proc (Linux). Loopback only; each client writes its body
// from one shared buffer and stops as soon as the answer arrives, so the
// bench itself stays small too.
import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";

export interface OversizedBodyFigure {
  bodies: number;
  bodyMb: number;
  /** status (or "error: CODE" when no answer came) → count */
  statuses: Record<string, number>;
  rssBeforeMb: number;
  rssPeakMb: number;
  growthMb: number;
}

const CHUNK = Buffer.alloc(64 * 1024, 0x61);
const SAMPLE_MS = 10;

export async function measureOversizedBodies(
  server: { baseUrl: string; pid: number },
  options: { bodies?: number; bodyMb?: number; pathname?: string } = {},
): Promise<OversizedBodyFigure> {
  const bodies = options.bodies ?? 10;
  const bodyMb = options.bodyMb ?? 50;
  const url = new URL(options.pathname ?? "/api/auth/sign-in/email", server.baseUrl);
  const rssBefore = rssMb(server.pid);
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), SAMPLE_MS);
  try {
    const outcomes = await Promise.all(Array.from({ length: bodies }, () => postOversized(url, bodyMb * 1024 * 1024)));
    // Whatever the server still does with them shows within a moment.
    await new Promise((resolve) => setTimeout(resolve, 500));
    peak = Math.max(peak, rssMb(server.pid));
    const statuses: Record<string, number> = {};
    for (const outcome of outcomes) statuses[outcome] = (statuses[outcome] ?? 0) + 1;
    return { bodies, bodyMb, statuses, rssBeforeMb: rssBefore, rssPeakMb: peak, growthMb: round(peak - rssBefore) };
  } finally {
    clearInterval(sampler);
  }
}

/** Posts `bytes` bytes (declared in Content-Length); answers the status, or "error: CODE" without an answer. */
function postOversized(url: URL, bytes: number): Promise<string> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: string) => {
      if (settled) return;
      settled = true;
      request.destroy();
      resolve(outcome);
    };
    const request = httpRequest(
      url,
      {
        method: "POST",
        agent: false,
        headers: { "content-type": "application/json", "content-length": String(bytes), origin: url.origin },
      },
      (response) => {
        response.resume();
        response.on("end", () => settle(String(response.statusCode)));
        response.on("error", () => settle(String(response.statusCode)));
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) => settle(`error: ${error.code ?? error.message}`));
    let sent = 0;
    const write = () => {
      while (!settled && sent < bytes) {
        const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, bytes - sent));
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", write);
      }
      if (!settled) request.end();
    };
    write();
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return round(kb / 1024);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
