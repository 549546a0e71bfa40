// The app's public address, for links it hands out (calendar feeds, e-mails):
// APP_URL, else BETTER_AUTH_URL (the address sign-in already trusts), else
// the origin of the request as the app received it, else this port on
// localhost. An origin only: scheme, host and port, no trailing slash.

export function publicBaseUrl(request?: Request, env: Record<string, string | undefined> = process.env): string {
  for (const configured of [env.APP_URL, env.BETTER_AUTH_URL]) {
    const origin = originOf(configured?.trim());
    if (origin) return origin;
  }
  const fromRequest = originOf(request?.url);
  if (fromRequest) return fromRequest;
  return `http://localhost:${env.PORT?.trim() || "3000"}`;
}

/**
 * The same, for a page or a server action, which have the request's headers
 * but no Request: its Host (and X-Forwarded-Proto, "https" or "http").
 */
export function publicBaseUrlFromHeaders(headers: Headers, env: Record<string, string | undefined> = process.env): string {
  const host = headers.get("host");
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  let request: Request | undefined;
  try {
    request = host ? new Request(`${proto}://${host}/`) : undefined;
  } catch {
    request = undefined; // a Host that is not a host
  }
  return publicBaseUrl(request, env);
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
    return parsed.origin;
  } catch {
    return undefined;
  }
}
