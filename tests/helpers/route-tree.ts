// Every route handler under src/app/api with its exported methods, read from
// the source tree, so a new route is covered by the suites that walk it
// (role matrix, bad-input fuzzing) without being listed anywhere.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface ApiRoute {
  /** e.g. "/api/v1/sessions/[id]/cancel" */
  route: string;
  method: string;
}

export function apiRouteTree(): ApiRoute[] {
  const root = path.join(process.cwd(), "src", "app");
  const found: ApiRoute[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const route = `/${path.relative(root, directory).split(path.sep).join("/")}`;
        const source = readFileSync(full, "utf8");
        for (const [, method] of source.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)) {
          found.push({ route, method: method! });
        }
      }
    }
  };
  walk(path.join(root, "api"));
  return found;
}
