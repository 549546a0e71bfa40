// Which address per-address rate limits count (src/auth/client-address.ts):
// the socket's peer (stamped by instrumentation.ts) unless it is a declared
// proxy; then the right-most X-Forwarded-For entry that is not a proxy. A
// client-sent X-Forwarded-For or x-coachbook-client-ip never decides alone.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, CLIENT_IP_STAMPED, clientAddress, normaliseAddress, trustedProxies, UNKNOWN_ADDRESS } from "@/auth/client-address";

const flags = globalThis as Record<symbol, unknown>;
const headers = (values: Record<string, string>) => new Headers(values);

describe("with the socket address stamped", () => {
  beforeEach(() => {
    flags[CLIENT_IP_STAMPED] = true;
  });
  afterEach(() => {
    delete flags[CLIENT_IP_STAMPED];
  });

  it("uses the peer and ignores X-Forwarded-For when no proxy is trusted", () => {
    const request = headers({ [CLIENT_IP_HEADER]: "::ffff:203.0.113.9", "x-forwarded-for": "198.51.100.1" });
    expect(clientAddress(request, {})).toBe("203.0.113.9");
  });

  it("ignores X-Forwarded-For from a peer that is not a declared proxy", () => {
    const request = headers({ [CLIENT_IP_HEADER]: "203.0.113.9", "x-forwarded-for": "198.51.100.1" });
    expect(clientAddress(request, { TRUSTED_PROXIES: "10.0.0.0/8" })).toBe("203.0.113.9");
  });

  it("behind a declared proxy, takes the right-most entry that is not a proxy", () => {
    const env = { TRUSTED_PROXIES: "10.0.0.0/8, 192.168.1.1" };
    const request = headers({ [CLIENT_IP_HEADER]: "10.1.2.3", "x-forwarded-for": "6.6.6.6, 198.51.100.7, 192.168.1.1" });
    expect(clientAddress(request, env)).toBe("198.51.100.7");
    // Only proxies in the chain: the left-most is as far as it goes.
    expect(clientAddress(headers({ [CLIENT_IP_HEADER]: "10.1.2.3", "x-forwarded-for": "10.9.9.9" }), env)).toBe("10.9.9.9");
    // A proxy that sent no X-Forwarded-For: the proxy itself.
    expect(clientAddress(headers({ [CLIENT_IP_HEADER]: "10.1.2.3" }), env)).toBe("10.1.2.3");
  });

  it("understands IPv6 proxies and clients", () => {
    const request = headers({ [CLIENT_IP_HEADER]: "::1", "x-forwarded-for": "2001:db8::5" });
    expect(clientAddress(request, { TRUSTED_PROXIES: "::1" })).toBe("2001:db8::5");
  });

  it("on Vercel, takes the address its edge writes", () => {
    const request = headers({ "x-real-ip": "198.51.100.3", "x-forwarded-for": "198.51.100.3" });
    expect(clientAddress(request, { TRUSTED_PROXIES: "vercel" })).toBe("198.51.100.3");
  });
});

describe("without a stamped socket address", () => {
  it("never trusts a client-sent header: every client shares one bucket", () => {
    const request = headers({ [CLIENT_IP_HEADER]: "203.0.113.9", "x-forwarded-for": "198.51.100.1" });
    expect(clientAddress(request, {})).toBe(UNKNOWN_ADDRESS);
  });
});

describe("TRUSTED_PROXIES", () => {
  it("refuses an entry that is not an address or CIDR", () => {
    expect(() => trustedProxies("10.0.0.0/8, example.com")).toThrow(/example\.com/);
    expect(() => trustedProxies("10.0.0.0/33")).toThrow(/prefix/);
  });

  it("normalises mapped IPv4, brackets and ports", () => {
    expect(normaliseAddress("::FFFF:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("[2001:db8::1]")).toBe("2001:db8::1");
    expect(normaliseAddress("192.0.2.1:443")).toBe("192.0.2.1");
  });
});
