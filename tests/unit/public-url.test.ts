// The app's public origin for the links it hands out: APP_URL, else
// BETTER_AUTH_URL, else the request's origin, else localhost on PORT.
import { describe, expect, it } from "vitest";
import { publicBaseUrl, publicBaseUrlFromHeaders } from "@/server/public-url";

const request = new Request("http://studio.internal:8080/api/v1/me/calendar-feed?x=1");

describe("publicBaseUrl", () => {
  it("prefers APP_URL, then BETTER_AUTH_URL, as origins", () => {
    expect(publicBaseUrl(request, { APP_URL: "https://book.example/some/path/", BETTER_AUTH_URL: "https://auth.example" })).toBe(
      "https://book.example",
    );
    expect(publicBaseUrl(request, { BETTER_AUTH_URL: "https://auth.example:8443/" })).toBe("https://auth.example:8443");
    expect(publicBaseUrl(request, { APP_URL: "  ", BETTER_AUTH_URL: "not a url" })).toBe("http://studio.internal:8080");
  });

  it("falls back to the request's origin, then to localhost on PORT", () => {
    expect(publicBaseUrl(request, {})).toBe("http://studio.internal:8080");
    expect(publicBaseUrl(undefined, {})).toBe("http://localhost:3000");
    expect(publicBaseUrl(undefined, { PORT: "4100" })).toBe("http://localhost:4100");
  });

  it("reads a page's Host and X-Forwarded-Proto when there is no Request", () => {
    expect(publicBaseUrlFromHeaders(new Headers({ host: "studio.example", "x-forwarded-proto": "https" }), {})).toBe("https://studio.example");
    expect(publicBaseUrlFromHeaders(new Headers({ host: "127.0.0.1:3000" }), {})).toBe("http://127.0.0.1:3000");
    expect(publicBaseUrlFromHeaders(new Headers({ host: "bad host/x" }), { PORT: "3001" })).toBe("http://localhost:3001");
    expect(publicBaseUrlFromHeaders(new Headers({ host: "studio.example" }), { APP_URL: "https://book.example" })).toBe("https://book.example");
  });
});
