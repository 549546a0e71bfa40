// The front's rule (scripts/lib/serve.ts): a request body is judged by its
// declared Content-Length before a byte of it is read. Larger than the limit
// → 413 and the connection closes; no Content-Length but a Transfer-Encoding
// (chunked) → 411, so no body of unknown size ever reaches Next.js.
import type { IncomingMessage, ServerResponse } from "node:http";
import { bodyTooLarge } from "@/server/body-size-limit";

/** How long a refused request's connection may keep sending before it is cut. */
const REFUSED_BODY_GRACE_MS = 2_000;

/** Answers the refusal when `request` must not reach Next.js; false when it may. */
export function refuseOversizedBody(request: IncomingMessage, response: ServerResponse, limit: number): boolean {
  const length = request.headers["content-length"];
  if (length !== undefined) {
    if (Number(length) <= limit) return false;
    const error = bodyTooLarge(limit);
    refuse(request, response, 413, { code: error.code, message: error.message, fields: error.fields });
    return true;
  }
  if (request.headers["transfer-encoding"] === undefined) return false;
  refuse(request, response, 411, {
    code: "invalid_input",
    message: "Send the request body with a Content-Length",
    fields: { "content-length": "Required for a request body" },
  });
  return true;
}

function refuse(request: IncomingMessage, response: ServerResponse, status: number, error: Record<string, unknown>): void {
  const body = JSON.stringify({ error });
  const socket = request.socket;
  // After a `Connection: close` answer Node destroys the socket as soon as
  // the answer is written. With the client's body still arriving, that is a
  // reset, and the client often loses the answer with it (EPIPE instead of
  // 413). So only our side is closed (FIN after the answer), the rest of the
  // body is dropped as it arrives (never buffered: the request is resumed),
  // and the socket goes once the client stops, or after a grace period.
  socket.destroySoon = () => socket.end();
  const cut = setTimeout(() => socket.destroy(), REFUSED_BODY_GRACE_MS);
  cut.unref();
  socket.once("close", () => clearTimeout(cut));
  socket.once("end", () => socket.destroy());
  request.resume();
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    connection: "close",
  });
  response.end(body);
}
