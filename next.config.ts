// Next.js configuration. PGlite (WASM + data files) and pg are loaded by Node
// at run time, not bundled. No web fonts or other network use at build time.
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
};

export default nextConfig;
