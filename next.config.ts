// Next.js configuration. PGlite (WASM + data files) and pg are loaded by Node
// at run time, not bundled. No web fonts or other network use at build time.
//
// Compression is left to what serves the app to the world: the TLS proxy of
// a self-hosted install (Caddy's `encode`, nginx's `gzip`) or Vercel's edge.
// Next's own gzip runs on the Node event loop, as a stream through the
// thread pool: for a 50 kB answer such as six weeks of free slots it cost
// more than computing the answer (p50 +1.2 ms, p95 +3 ms; docs/performance.md).
// COMPRESSION=on turns it back on, for an install that serves the app
// straight to browsers; it is read when the server starts.
//
// Server actions take the same body limit as every other request:
// BODY_SIZE_LIMIT ("2mb", "512kb" or bytes: Next reads the same forms),
// default 1 MiB = DEFAULT_BODY_SIZE_LIMIT. Written out, not imported: the
// config is loaded without a TypeScript loader for its imports. The server
// checks the value when it starts (src/server/body-size-limit.ts).
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  compress: process.env.COMPRESSION === "on",
  // The same two headers src/proxy.ts sets, for what it does not see (static
  // files). The Content-Security-Policy is the proxy's: it needs a nonce per request.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
  experimental: {
    serverActions: { bodySizeLimit: (process.env.BODY_SIZE_LIMIT?.trim().toLowerCase() || "1mb") as `${number}mb` },
  },
};

export default nextConfig;
