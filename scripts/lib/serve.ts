// The production HTTP server, started by scripts/server.cjs (which loads
// Next.js itself, outside tsx): Next.js behind a front that refuses
// oversized request bodies before reading them. `next start` reads whatever
// a client sends; twelve 200 MB posts once held the server at 5 GB. Here a
// request whose Content-Length exceeds BODY_SIZE_LIMIT (default 1 MiB) is
// answered 413 with `Connection: close` and its body is never buffered; a
// body without a Content-Length (chunked) is refused with 411, since no
// browser, server action or API client of ours sends one
// (body-limit-front.ts).
import "./load-env";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { parseArgs } from "node:util";
import { getDatabase } from "@/db";
import { bodySizeLimit } from "@/server/body-size-limit";
import { startOutboxWorker, type OutboxWorker } from "@/server/messages/outbox-worker";
import { admissionOptions, createAdmission, skipsAdmission } from "./admission";
import { refuseOversizedBody } from "./body-limit-front";

/** Next's programmatic server, as `require("next")` answers it. */
type CreateNextServer = typeof import("next").default;

export async function serve(createNextServer: CreateNextServer, argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: "string" }, hostname: { type: "string" } },
    strict: true,
  });
  const port = Number(values.port ?? process.env.PORT ?? "3000");
  const hostname = values.hostname ?? process.env.HOSTNAME ?? undefined;
  // A bad BODY_SIZE_LIMIT stops the start here, with its reason.
  const limit = bodySizeLimit();
  const admission = createAdmission(admissionOptions());
  const server = createServer();
  const app = createNextServer({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port, httpServer: server });
  const handle = app.getRequestHandler();
  await app.prepare();
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    if (refuseOversizedBody(request, response, limit)) return;
    const pass = () => {
      // Next answers its own errors; anything escaping it must not end the process.
      handle(request, response).catch((error: unknown) => {
        console.error(`[server] ${request.method} ${request.url} failed:`, error);
        if (response.headersSent) return void response.end();
        response.writeHead(500, { "content-type": "application/json" });
        response.end(JSON.stringify({ error: { code: "internal", message: "Internal error" } }));
      });
    };
    if (skipsAdmission(request.url)) return pass();
    admission.admit(
      (leave) => {
        response.once("close", leave);
        pass();
      },
      () => refuseBusy(response),
      (onCancel) => response.once("close", onCancel),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve());
  });
  console.log(`Server: listening on ${hostname ?? "all interfaces"}:${port} (pid ${process.pid}, body limit ${limit} bytes)`);
  // Messages are delivered by this process too (src/server/messages/outbox-worker.ts).
  const worker: OutboxWorker | null = process.env.OUTBOX_WORKER === "off" ? null : startOutboxWorker({ database: getDatabase });

  const stop = () => {
    void worker?.stop();
    // Stop accepting; requests in flight finish, idle keep-alive sockets close.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

/** 503 when the wait for a turn is too long or the line too long: the server cannot keep up. */
function refuseBusy(response: ServerResponse): void {
  if (response.headersSent || response.destroyed) return;
  const body = JSON.stringify({ error: { code: "unavailable", message: "The server is busy; try again in a moment" } });
  response.writeHead(503, { "content-type": "application/json", "retry-after": "2", "cache-control": "no-store" });
  response.end(body);
}
