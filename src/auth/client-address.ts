// The client's address, for per-address rate limits, taken only from what a
// client cannot forge:
//
//   - the socket's peer address, which src/instrumentation.ts stamps on every
//     request as `x-coachbook-client-ip` (overwriting whatever the client
//     sent) in the same process that serves it (`next start`, or any Node
//     server built on Next's request handler). Next's own `x-forwarded-for`
//     is useless here: it keeps a client-sent value (`??=`), so rotating it
//     gave unlimited guesses;
//   - behind proxies the operator declares in TRUSTED_PROXIES (IPs and CIDRs,
//     comma-separated), when the peer is one of them: the right-most
//     `X-Forwarded-For` entry that is not a trusted proxy (the left part is
//     whatever the client made up);
//   - TRUSTED_PROXIES=vercel: Vercel's edge overwrites `x-real-ip` and
//     `x-forwarded-for` with the client's address; there is no socket to see.
//
// Without a stamped peer (another runtime) and no trusted proxy, every client
// shares one address bucket ("unknown"): safe, never forgeable, and said once
// in the log.
import { BlockList, isIP } from "node:net";

export const CLIENT_IP_HEADER = "x-coachbook-client-ip";
/** Set on globalThis by instrumentation.ts once the header is stamped on every request of this process. */
export const CLIENT_IP_STAMPED = Symbol.for("coachbook.clientIpStamped");
export const UNKNOWN_ADDRESS = "unknown";

interface TrustedProxies {
  vercel: boolean;
  list: BlockList;
  any: boolean;
}

let parsed: { text: string; proxies: TrustedProxies } | undefined;

/** TRUSTED_PROXIES parsed once per value: "vercel", or IPs / CIDRs (IPv4 or IPv6), comma-separated. */
export function trustedProxies(text = process.env.TRUSTED_PROXIES ?? ""): TrustedProxies {
  if (parsed?.text === text) return parsed.proxies;
  const proxies: TrustedProxies = { vercel: false, list: new BlockList(), any: false };
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    if (entry.toLowerCase() === "vercel") {
      proxies.vercel = true;
      continue;
    }
    const [address, bits] = entry.split("/") as [string, string | undefined];
    const family = isIP(normaliseAddress(address));
    if (family === 0) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) proxies.list.addAddress(normaliseAddress(address), type);
    else {
      const prefix = Number(bits);
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) {
        throw new Error(`TRUSTED_PROXIES: "${entry}" has a bad prefix length`);
      }
      proxies.list.addSubnet(normaliseAddress(address), prefix, type);
    }
    proxies.any = true;
  }
  parsed = { text, proxies };
  return proxies;
}

/** `::ffff:1.2.3.4` → `1.2.3.4`; brackets and a port on an IPv4 entry dropped; lower case. */
export function normaliseAddress(address: string): string {
  let value = address.trim().toLowerCase();
  if (value.startsWith("[")) value = value.slice(1, value.indexOf("]") > 0 ? value.indexOf("]") : undefined);
  if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (value.startsWith("::ffff:") && isIP(value.slice(7)) === 4) value = value.slice(7);
  return value;
}

function isTrusted(proxies: TrustedProxies, address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return proxies.list.check(address, family === 4 ? "ipv4" : "ipv6");
}

let warned = false;

/** The address per-address limits count against. */
export function clientAddress(headers: Headers, env: Record<string, string | undefined> = process.env): string {
  const proxies = trustedProxies(env.TRUSTED_PROXIES ?? "");
  const stamped = (globalThis as Record<symbol, unknown>)[CLIENT_IP_STAMPED] === true;
  const peer = stamped ? headers.get(CLIENT_IP_HEADER) : null;

  if (proxies.vercel) {
    const edge = headers.get("x-real-ip") ?? headers.get("x-forwarded-for")?.split(",")[0];
    if (edge && isIP(normaliseAddress(edge))) return normaliseAddress(edge);
  }
  if (peer && isIP(normaliseAddress(peer))) {
    const address = normaliseAddress(peer);
    if (!isTrusted(proxies, address)) return address;
    return forwardedClient(headers, proxies) ?? address;
  }
  if (!warned) {
    warned = true;
    console.warn(
      `[rate-limits] the client's socket address is not known in this runtime${proxies.any ? "" : " and TRUSTED_PROXIES is not set"}: per-address limits count every client together`,
    );
  }
  // No peer to check the proxy claim against: a declared proxy list still names the hops to skip.
  return (proxies.any ? forwardedClient(headers, proxies) : undefined) ?? UNKNOWN_ADDRESS;
}

/** The right-most X-Forwarded-For entry that is not a trusted proxy; undefined when there is none. */
function forwardedClient(headers: Headers, proxies: TrustedProxies): string | undefined {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map(normaliseAddress)
    .filter((hop) => hop.length > 0);
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = hops[index]!;
    if (isIP(hop) === 0) return undefined; // garbage: stop trusting the chain here
    if (!isTrusted(proxies, hop)) return hop;
  }
  return hops[0];
}
