// ESLint (flat config): Next.js's rules (React, hooks, accessibility, Core
// Web Vitals), typescript-eslint's, and the layer rules of ARCHITECTURE.md
// ("Layers"), so that a wrong import fails `npm run lint` instead of a
// review:
//   src/domain      imports nothing of ours: pure rules and types
//   src/db          imports only src/domain (and itself)
//   src/auth, src/server  never the UI (src/app, src/components, src/actions)
//   src/actions     never src/app or src/components
//   src/components  never src/app
// and no module imports itself back through a circle.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/** One zone of import/no-restricted-paths: `target` may not import `from`. */
const never = (target, from, message) => ({ target, from, message });

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([".next/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    files: ["**/*.{js,jsx,mjs,ts,tsx,mts,cts}"],
    settings: {
      "import/resolver": { typescript: { project: "./tsconfig.json" }, node: true },
      // Never parse a package's own files while following imports (no-cycle): ours only.
      "import/ignore": ["node_modules"],
    },
    rules: {
      "import/no-cycle": ["error", { ignoreExternal: true }],
      "import/no-self-import": "error",
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            never("./src/domain", ["./src/app", "./src/components", "./src/actions", "./src/server", "./src/auth", "./src/db", "./src/lib"], "src/domain holds pure rules: it imports nothing above it."),
            never("./src/db", ["./src/app", "./src/components", "./src/actions", "./src/server", "./src/auth"], "src/db sits under the use cases: it may import src/domain only."),
            never("./src/server", ["./src/app", "./src/components", "./src/actions"], "Use cases never import the UI."),
            never("./src/auth", ["./src/app", "./src/components", "./src/actions"], "Auth never imports the UI."),
            never("./src/actions", ["./src/app", "./src/components"], "Server actions are called by the UI, never the other way round."),
            never("./src/components", ["./src/app"], "Components never import pages: move what they share into src/actions, src/server or src/lib."),
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      // Unused names are errors, except a deliberately ignored _name.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // Tests and the bench are not React: vitest's useX helpers and
    // Playwright's test.use() are not hooks.
    files: ["tests/**", "bench/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // The server's entry point is CommonJS on purpose (scripts/server.cjs's header).
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
]);
