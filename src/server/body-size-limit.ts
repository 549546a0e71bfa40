// The request body limit, read from BODY_SIZE_LIMIT (bytes, or with a unit:
// "512kb", "2mb"), default DEFAULT_BODY_SIZE_LIMIT (1 MiB). One reading for
// every edge: the front server (scripts/lib/serve.ts) refuses a larger
// Content-Length before reading a byte, route handlers and better-auth's
// route count bytes as they stream (Vercel, `next dev`), and next.config.ts
// gives the same setting to server actions.
import { AppError } from "@/domain/errors";
import { DEFAULT_BODY_SIZE_LIMIT } from "@/domain/limits";

const UNITS: Record<string, number> = { "": 1, b: 1, kb: 1024, mb: 1024 * 1024 };

/** Bytes; throws naming BODY_SIZE_LIMIT when the value is not a size. */
export function bodySizeLimit(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.BODY_SIZE_LIMIT?.trim().toLowerCase();
  if (!raw) return DEFAULT_BODY_SIZE_LIMIT;
  const match = /^(\d+)\s*(b|kb|mb)?$/.exec(raw);
  const bytes = match ? Number(match[1]) * UNITS[match[2] ?? ""]! : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1024) {
    throw new Error(`BODY_SIZE_LIMIT must be a size of at least 1kb, in bytes or with kb/mb (e.g. "1mb"); got "${env.BODY_SIZE_LIMIT}"`);
  }
  return bytes;
}

/** "1 MB", "512 kB": for messages. */
export function describeSize(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} kB`;
  return `${bytes} bytes`;
}

/**
 * The body of `request` as text, at most `limit` bytes: a declared
 * Content-Length above it is refused before reading, and a body without one
 * (chunked) is counted as it streams and cancelled once past it. Never holds
 * more than `limit` bytes. Throws AppError payload_too_large (413).
 */
export async function readBodyText(request: Request, limit: number = bodySizeLimit()): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > limit) throw bodyTooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw bodyTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}

/** 413, naming the body and the limit: the same answer at every edge. */
export function bodyTooLarge(limit: number): AppError {
  return new AppError("payload_too_large", `The request body is larger than ${describeSize(limit)}`, {
    body: `At most ${describeSize(limit)}`,
  });
}
