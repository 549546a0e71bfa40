// Which origins may make state-changing requests with the user's cookie:
// better-auth's own CSRF check (auth.ts) and the REST API's (route.ts) use
// this one list. BETTER_AUTH_URL's origin, the local addresses of this port
// (a local install needs no setting), and TRUSTED_ORIGINS (comma-separated,
// e.g. "https://studio.example,https://www.studio.example").
export function trustedOrigins(request?: Request, env: Record<string, string | undefined> = process.env): string[] {
  const port = env.PORT ?? "3000";
  const origins = new Set([`http://localhost:${port}`, `http://127.0.0.1:${port}`]);
  if (env.BETTER_AUTH_URL) {
    try {
      origins.add(new URL(env.BETTER_AUTH_URL).origin);
    } catch {
      // better-auth itself refuses a malformed BETTER_AUTH_URL at start.
    }
  }
  for (const entry of (env.TRUSTED_ORIGINS ?? "").split(",")) {
    const origin = entry.trim();
    if (!origin) continue;
    try {
      origins.add(new URL(origin).origin);
    } catch {
      throw new Error(`TRUSTED_ORIGINS: "${origin}" is not a URL`);
    }
  }
  if (request) {
    // The app served on another local port (next start -p …) trusts itself.
    const url = new URL(request.url);
    if (url.hostname === "localhost" || url.hostname === "127.0.0.1") origins.add(url.origin);
  }
  return [...origins];
}
