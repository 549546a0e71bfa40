// The route table of docs/api.md, written from the API reference so that it
// cannot drift: `npm run docs:api` rewrites it between its two markers, and
// tests/unit/openapi.test.ts fails while the file is stale.
import type { JsonSchema } from "./json-schema";

export const ROUTE_TABLE_START = "<!-- routes: written by npm run docs:api from the API reference; do not edit by hand -->";
export const ROUTE_TABLE_END = "<!-- end of routes -->";

const METHOD_ORDER = ["get", "post", "put", "patch", "delete"];

/** One row per operation, in path order: method, path, who may call it, its summary. */
export function routeTable(document: JsonSchema): string {
  const rows = ["| Method | Path | Who | What |", "| --- | --- | --- | --- |"];
  const paths = document.paths as Record<string, Record<string, JsonSchema>>;
  for (const path of Object.keys(paths)) {
    const methods = Object.keys(paths[path]!).sort((a, b) => METHOD_ORDER.indexOf(a) - METHOD_ORDER.indexOf(b));
    for (const method of methods) {
      const operation = paths[path]![method]!;
      const roles = (operation["x-roles"] as string[]).join(", ");
      rows.push(`| ${method.toUpperCase()} | \`${path}\` | ${roles} | ${String(operation.summary).replace(/\|/g, "\\|")} |`);
    }
  }
  return rows.join("\n");
}

/** `markdown` with the part between the markers replaced by `table`; throws when a marker is missing. */
export function withRouteTable(markdown: string, table: string): string {
  const start = markdown.indexOf(ROUTE_TABLE_START);
  const end = markdown.indexOf(ROUTE_TABLE_END);
  if (start === -1 || end === -1 || end < start) throw new Error("docs/api.md: the route table's markers are missing");
  return `${markdown.slice(0, start + ROUTE_TABLE_START.length)}\n${table}\n${markdown.slice(end)}`;
}
