// The Node half of client-address.ts: see src/instrumentation.ts.
import { IncomingMessage, Server } from "node:http";
import { CLIENT_IP_HEADER, CLIENT_IP_STAMPED } from "./client-address";

export function stampClientAddresses(): void {
  const flags = globalThis as Record<symbol, unknown>;
  if (flags[CLIENT_IP_STAMPED]) return;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function stampingEmit(this: Server, event: string | symbol, ...args: unknown[]): boolean {
    const request = args[0];
    if (event === "request" && request instanceof IncomingMessage) {
      const peer = request.socket?.remoteAddress;
      if (peer) request.headers[CLIENT_IP_HEADER] = peer;
      else delete request.headers[CLIENT_IP_HEADER];
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof Server.prototype.emit;
  flags[CLIENT_IP_STAMPED] = true;
}
