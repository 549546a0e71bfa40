// Security headers on every page and API answer (Next 16's proxy, the former
// middleware). Pages get a Content-Security-Policy with a fresh nonce per
// request: Next reads it from the request's CSP header and puts it on its own
// inline scripts, so no other inline script runs ('strict-dynamic' lets
// those load the app's chunks). Every page is rendered per request anyway
// (they show the signed-in user's data). Static files (/_next/static) are
// left out of the matcher; next.config.ts gives them nosniff and the
// Referrer-Policy. API answers carry personal data: never stored by a cache.
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest): NextResponse {
  const malformed = malformedPathParam(request.nextUrl.pathname);
  if (malformed) return withSecurityHeaders(request, malformedPathAnswer(request, malformed), "");
  if (isForeignServerAction(request)) return withSecurityHeaders(request, foreignActionAnswer(), "");
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, servedOverHttps(request));

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  return withSecurityHeaders(request, NextResponse.next({ request: { headers: requestHeaders } }), csp);
}

function withSecurityHeaders(request: NextRequest, response: NextResponse, csp: string): NextResponse {
  response.headers.set("content-security-policy", csp || contentSecurityPolicy(null, servedOverHttps(request)));
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  // Only over HTTPS: a browser ignores it on plain HTTP, and a local install
  // on http://localhost must not be told to insist on TLS.
  if (servedOverHttps(request)) response.headers.set("strict-transport-security", "max-age=63072000; includeSubDomains");
  if (request.nextUrl.pathname.startsWith("/api/")) response.headers.set("cache-control", "no-store");
  return response;
}

/**
 * A server action POSTed from another site's page (its Origin's host is not
 * ours). Next refuses to run it too, but by throwing: a 500. The same rule
 * as Next's (X-Forwarded-Host, else Host; no serverActions.allowedOrigins
 * are configured), answered 403 before Next sees it.
 */
export function isForeignServerAction(request: NextRequest): boolean {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false; // no Origin (not a browser): Next lets it through, as before
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (a sandboxed frame, a file:// page) or garbage
  }
}

function foreignActionAnswer(): NextResponse {
  return NextResponse.json(
    { error: { code: "forbidden", message: "A server action must be called from this site's own pages (Origin does not match)" } },
    { status: 403 },
  );
}

/** The dynamic segments of the app's routes, by the segment before them ("coaches" → coachId); any other is "id". */
const PARAM_AFTER: Record<string, string> = { coaches: "coachId", "calendar-feeds": "token" };

/**
 * The name of the first path segment that is not a valid percent-encoding
 * ("%", "%E0%A4%A"), or undefined. Next decodes path params itself and, for
 * such a segment, answered a bare 500 (it tries a /400 page an App Router
 * app does not have), so the proxy answers first.
 */
export function malformedPathParam(pathname: string): string | undefined {
  const segments = pathname.split("/");
  for (let index = 0; index < segments.length; index += 1) {
    try {
      decodeURIComponent(segments[index]!);
    } catch {
      const before = segments[index - 1] ?? "";
      return PARAM_AFTER[before] ?? (before === "" ? "path" : "id");
    }
  }
  return undefined;
}

function malformedPathAnswer(request: NextRequest, param: string): NextResponse {
  const reason = "Not a valid URL: a % must start an escape such as %20";
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json(
      { error: { code: "invalid_input", message: `${param}: ${reason}`, fields: { [param]: reason } } },
      { status: 400 },
    );
  }
  return new NextResponse(`Bad request: ${reason}.`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** nosniff and the Referrer-Policy, also set by next.config.ts for what the proxy does not see. */
export const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
} as const;

/** The policy; without a nonce (an answer that is no page) no inline script or style at all. */
export function contentSecurityPolicy(nonce: string | null, https: boolean): string {
  return [
    "default-src 'self'",
    nonce ? `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'` : "script-src 'self'",
    nonce ? `style-src 'self' 'nonce-${nonce}'` : "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * The browser reached us over HTTPS: the request itself (Next behind no
 * proxy), the TLS proxy's X-Forwarded-Proto (Vercel, Caddy, nginx), or an
 * install whose public URL (BETTER_AUTH_URL) is https. A forged
 * X-Forwarded-Proto on plain HTTP only earns a header the browser ignores there.
 */
function servedOverHttps(request: NextRequest): boolean {
  if (request.nextUrl.protocol === "https:") return true;
  if (request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https") return true;
  return process.env.BETTER_AUTH_URL?.startsWith("https://") ?? false;
}

export const config = {
  // Everything but Next's static files, images and the favicon (their headers come from next.config.ts).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
