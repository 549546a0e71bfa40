// BODY_SIZE_LIMIT's reading, and readBodyText: the limit as route handlers
// apply it where no front server stands before them (Vercel, `next dev`).
// A declared Content-Length above the limit is refused unread; a body without
// one is counted as it streams and cancelled once past the limit.
import { describe, expect, it } from "vitest";
import { DEFAULT_BODY_SIZE_LIMIT } from "@/domain/limits";
import { bodySizeLimit, readBodyText } from "@/server/body-size-limit";
import { rejection } from "../helpers/app-error";

describe("bodySizeLimit", () => {
  it("is 1 MiB by default, and takes bytes, kb or mb", () => {
    expect(bodySizeLimit({})).toBe(DEFAULT_BODY_SIZE_LIMIT);
    expect(bodySizeLimit({ BODY_SIZE_LIMIT: " " })).toBe(DEFAULT_BODY_SIZE_LIMIT);
    expect(bodySizeLimit({ BODY_SIZE_LIMIT: "2048" })).toBe(2048);
    expect(bodySizeLimit({ BODY_SIZE_LIMIT: "512kb" })).toBe(512 * 1024);
    expect(bodySizeLimit({ BODY_SIZE_LIMIT: "4MB" })).toBe(4 * 1024 * 1024);
  });

  it("refuses anything else, naming the variable", () => {
    for (const value of ["1gb", "-1", "1.5mb", "ten", "100"]) {
      expect(() => bodySizeLimit({ BODY_SIZE_LIMIT: value }), value).toThrow(/BODY_SIZE_LIMIT/);
    }
  });
});

/** A body streamed in `chunks` chunks of `size` bytes, without a Content-Length; counts what was pulled. */
function streamedRequest(chunks: number, size: number): { request: Request; pulled: () => number } {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === chunks) return controller.close();
      sent += 1;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  const request = new Request("http://localhost/api/v1/x", { method: "POST", body, duplex: "half" } as RequestInit);
  return { request, pulled: () => sent };
}

describe("readBodyText", () => {
  it("reads a body within the limit", async () => {
    const request = new Request("http://localhost/x", { method: "POST", body: JSON.stringify({ a: "é" }) });
    expect(await readBodyText(request, 1024)).toBe('{"a":"é"}');
    expect(await readBodyText(new Request("http://localhost/x"), 1024)).toBe("");
    const { request: streamed } = streamedRequest(4, 256);
    expect(await readBodyText(streamed, 1024)).toHaveLength(1024);
  });

  it("refuses a declared Content-Length above the limit with 413, reading nothing", async () => {
    const { request, pulled } = streamedRequest(100, 1024);
    const declared = new Request(request, { headers: { "content-length": String(100 * 1024) } });
    const error = await rejection(readBodyText(declared, 1024));
    expect(error).toMatchObject({ code: "payload_too_large", status: 413, fields: { body: "At most 1 kB" } });
    expect(pulled()).toBeLessThan(5); // streams pull a chunk or two ahead, never the body
  });

  it("stops reading a streamed body once it passes the limit", async () => {
    const { request, pulled } = streamedRequest(10_000, 1024);
    const error = await rejection(readBodyText(request, 8 * 1024));
    expect(error.code).toBe("payload_too_large");
    expect(pulled()).toBeLessThan(20);
  });
});
