// `npm run docs:api`: rewrites docs/api.md's route table from the API reference.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildOpenApiDocument } from "@/server/api-reference/openapi";
import { routeTable, withRouteTable } from "@/server/api-reference/route-table";

const file = path.join(process.cwd(), "docs", "api.md");
const before = readFileSync(file, "utf8");
const after = withRouteTable(before, routeTable(buildOpenApiDocument()));
if (after === before) {
  console.log("docs/api.md: the route table is up to date.");
} else {
  writeFileSync(file, after);
  console.log("docs/api.md: route table rewritten.");
}
