// The API reference (GET /api/v1/openapi.json) against the code:
//  1. its paths and methods are exactly the route handlers under src/app/api
//     (better-auth's catch-all aside), read from the route modules themselves
//     — no route missing, no stale entry — and each apiRoute's body, query and
//     success status (kept on the handler: `shape`) show up where they should;
//  2. every operation names who may call it (x-roles, matching `security` and
//     the permission map), lists its errors, and documents its JSON body;
//  3. the document looks like valid OpenAPI 3.1: every $ref resolves, every
//     path parameter is declared, operation ids are unique, examples pass the
//     zod schemas the API validates with.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { permissions, type Permission } from "@/auth/permissions";
import { buildOpenApiDocument, operationSpecs } from "@/server/api-reference/openapi";
import type { JsonSchema } from "@/server/api-reference/json-schema";
import { GET as serveDocument } from "@/app/api/v1/openapi.json/route";
import type { ApiRouteShape } from "@/app/api/_lib/route";
import { routeTable, withRouteTable } from "@/server/api-reference/route-table";

const API_DIR = join(process.cwd(), "src", "app", "api");
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

interface RouteFile {
  file: string;
  /** OpenAPI path template: [id] → {id}. */
  path: string;
  /** The HTTP method handlers the module exports, as Next.js sees them. */
  methods: string[];
  /** For a handler made by apiRoute(): whether it reads a body or a query, and its success status. */
  shapes: Map<string, ApiRouteShape>;
}

/** route.ts files under src/app/api, without private folders (_lib) and better-auth's catch-all, with their folders as URL paths. */
function routeFilePaths(dir = API_DIR): Array<{ file: string; path: string }> {
  const found: Array<{ file: string; path: string }> = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith("_")) continue;
      if (relative(API_DIR, full).split(sep).join("/") === "auth/[...all]") continue;
      found.push(...routeFilePaths(full));
    } else if (entry.name === "route.ts") {
      const segments = relative(join(process.cwd(), "src", "app"), dir)
        .split(sep)
        .filter((segment) => !/^\(.*\)$/.test(segment)) // route groups are not in the URL
        .map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}"));
      found.push({ file: full, path: `/${segments.join("/")}` });
    }
  }
  return found;
}

/** Each route module, loaded as Next.js loads it: its exports are what it serves. */
async function routeFiles(): Promise<RouteFile[]> {
  return Promise.all(
    routeFilePaths().map(async ({ file, path }) => {
      const exports = (await import(file)) as Record<string, unknown>;
      const methods = HTTP_METHODS.filter((method) => typeof exports[method] === "function");
      const shapes = new Map<string, ApiRouteShape>();
      for (const method of methods) {
        const shape = (exports[method] as { shape?: ApiRouteShape }).shape;
        if (shape) shapes.set(method, shape);
      }
      return { file: relative(process.cwd(), file), path, methods: [...methods], shapes };
    }),
  );
}

const document = buildOpenApiDocument();
const sharedResponses = (document.components as { responses: Record<string, JsonSchema> }).responses;
const paths = document.paths as Record<string, Record<string, JsonSchema>>;
const routes = await routeFiles();

const operations = Object.entries(paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ path, method, operation, label: `${method.toUpperCase()} ${path}` })),
);

describe("the reference lists exactly the route handlers", () => {
  it("finds the route files (sanity)", () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.map((route) => route.path)).toContain("/api/v1/openapi.json");
    for (const route of routes) expect(route.methods, `${route.file} exports no HTTP method`).not.toHaveLength(0);
    expect(routes.filter((route) => route.shapes.size > 0).length, "route modules made by apiRoute()").toBeGreaterThan(10);
  });

  it("has every path and method of src/app/api, and nothing else", () => {
    const inTree = routes.flatMap((route) => route.methods.map((method) => `${method} ${route.path}`)).sort();
    const inDocument = operations.map((operation) => operation.label).sort();
    const missing = inTree.filter((entry) => !inDocument.includes(entry));
    const stale = inDocument.filter((entry) => !inTree.includes(entry));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it("documents a request body, query parameters and the success status where the apiRoute reads them", () => {
    for (const route of routes) {
      for (const [method, definition] of route.shapes) {
        const operation = paths[route.path]![method.toLowerCase()]!;
        const label = `${method} ${route.path}`;
        expect(Boolean(operation.requestBody), `${label}: requestBody`).toBe(definition.body);
        const parameters = (operation.parameters ?? []) as JsonSchema[];
        expect(parameters.some((parameter) => parameter.in === "query"), `${label}: query parameters`).toBe(definition.query);
        const responses = operation.responses as Record<string, JsonSchema>;
        const successes = Object.keys(responses).filter((status) => /^2\d\d$/.test(status));
        expect(successes, `${label}: success status`).toEqual([String(definition.status)]);
      }
    }
  });
});

describe("every operation", () => {
  const ROLES = ["owner", "coach", "member", "anonymous", "cron"];

  it.each(operations.map((operation) => [operation.label, operation.operation] as const))(
    "%s names its roles, its security and its errors",
    (_label, operation) => {
      const roles = operation["x-roles"] as string[];
      expect(roles.length).toBeGreaterThan(0);
      for (const role of roles) expect(ROLES).toContain(role);
      expect(String(operation.description)).toContain("Who may call:");

      const security = operation.security as Array<Record<string, string[]>>;
      const responses = operation.responses as Record<string, JsonSchema>;
      if (roles.includes("anonymous")) {
        expect(roles).toEqual(["anonymous"]);
        expect(security).toEqual([]);
        expect(responses).not.toHaveProperty("401");
      } else if (roles.includes("cron")) {
        expect(roles).toEqual(["cron"]);
        expect(security).toEqual([{ cronSecret: [] }]);
        expect(responses).toHaveProperty("401");
      } else {
        expect(security).toEqual([{ bearerAuth: [] }, { cookieAuth: [] }]);
        expect(responses).toHaveProperty("401");
        // The roles are the permission map's, and 403 is listed when some role is refused.
        const permission = operation["x-permission"] as Permission;
        expect(roles).toEqual([...permissions[permission]]);
        if (roles.length < 3) expect(responses).toHaveProperty("403");
      }

      const errors = Object.keys(responses).filter((status) => /^[45](\d\d|XX)$/.test(status));
      expect(errors.length).toBeGreaterThan(0);
      for (const status of errors) {
        expect(["400", "401", "403", "404", "409", "411", "413", "415", "429", "431", "500", "503", "5XX"]).toContain(status);
        // Its own description, or its shared response's.
        const response = responses[status]!;
        const shared = typeof response.$ref === "string" ? sharedResponses[response.$ref.replace("#/components/responses/", "")] : undefined;
        expect(String(response.description ?? shared?.description ?? ""), `${status}`).not.toBe("");
      }
    },
  );

  it("with a JSON body documents it with a schema", () => {
    const withBody = operations.filter((operation) => operation.operation.requestBody);
    expect(withBody.length).toBeGreaterThan(10);
    for (const { label, operation } of withBody) {
      const body = operation.requestBody as { content: Record<string, { schema?: JsonSchema }> };
      expect(body.content["application/json"]?.schema, label).toBeTruthy();
    }
    // POST/PUT/PATCH without a body are the known ones: the cron trigger and the feed rotation take none.
    const bodiless = operations
      .filter((operation) => ["post", "put", "patch"].includes(operation.method) && !operation.operation.requestBody)
      .map((operation) => operation.label);
    expect(bodiless.sort()).toEqual([
      "POST /api/cron/deliver-messages",
      "POST /api/cron/generate-sessions",
      "POST /api/unsubscribe",
      "POST /api/v1/me/calendar-feed/rotate",
      "POST /api/v1/outbox/{id}/retry",
    ]);
  });

  it("describes the 409 of a weekly series with its conflicts", () => {
    const created = paths["/api/v1/recurring-bookings"]!.post!.responses as Record<string, JsonSchema>;
    expect(created["409"]!.$ref).toBe("#/components/responses/RecurringConflict");
    const schemas = (document.components as { schemas: Record<string, JsonSchema> }).schemas;
    expect(JSON.stringify(schemas.RecurringConflictError)).toContain('"conflicts"');
    expect(schemas.Occurrence!.required).toEqual(["date", "startsAt", "endsAt", "reason"]);
  });
});

describe("the document", () => {
  it("is OpenAPI 3.1 with info, paths, components and security schemes", () => {
    expect(document.openapi).toBe("3.1.0");
    const info = document.info as JsonSchema;
    expect(info.title).toBeTruthy();
    expect(info.version).toBeTruthy();
    expect(String(info.description)).toContain("set-auth-token");
    const components = document.components as Record<string, Record<string, unknown>>;
    expect(Object.keys(components.securitySchemes!).sort()).toEqual(["bearerAuth", "cookieAuth", "cronSecret"]);
  });

  it("resolves every $ref", () => {
    const refs: string[] = [];
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === "object") {
        for (const [key, child] of Object.entries(value)) {
          if (key === "$ref" && typeof child === "string") refs.push(child);
          else walk(child);
        }
      }
    };
    walk(document);
    expect(refs.length).toBeGreaterThan(50);
    const unresolved = [...new Set(refs)].filter((pointer) => {
      if (!pointer.startsWith("#/")) return true;
      let node: unknown = document;
      for (const part of pointer.slice(2).split("/")) {
        node = node && typeof node === "object" ? (node as Record<string, unknown>)[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
      }
      return node === undefined;
    });
    expect(unresolved).toEqual([]);
  });

  it("declares every path parameter, and has unique operation ids", () => {
    for (const { path, label, operation } of operations) {
      const inTemplate = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      const declared = ((operation.parameters ?? []) as JsonSchema[])
        .filter((parameter) => parameter.in === "path")
        .map((parameter) => parameter.name)
        .sort();
      expect(declared, label).toEqual(inTemplate);
    }
    const ids = operations.map((operation) => operation.operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has request examples that the API's own zod schemas accept", () => {
    let checked = 0;
    for (const [path, methods] of Object.entries(operationSpecs())) {
      for (const [method, spec] of Object.entries(methods)) {
        if (spec.body?.example === undefined) continue;
        const result = spec.body.schema.safeParse(spec.body.example);
        expect(result.success, `${method} ${path}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(8);
  });

  it("is what GET /api/v1/openapi.json answers, with no sign-in and no database", async () => {
    const response = serveDocument();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });
});

describe("docs/api.md", () => {
  it("lists every route as the reference does (npm run docs:api rewrites the table)", () => {
    const markdown = readFileSync(join(process.cwd(), "docs", "api.md"), "utf8");
    expect(markdown, "docs/api.md is stale: run npm run docs:api").toBe(withRouteTable(markdown, routeTable(document)));
  });
});
