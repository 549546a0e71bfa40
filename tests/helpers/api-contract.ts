// Every answer an HTTP test receives from a documented operation is checked
// against the API reference (GET /api/v1/openapi.json, built by
// src/server/api-reference): its status must be one the operation lists, and
// its JSON body must match that response's schema (ajv, JSON Schema 2020-12
// as OpenAPI 3.1 uses). tests/helpers/app-server.ts runs the check on every
// request(), so a change that answers something the reference does not say
// fails the test that saw it, with the difference spelled out.
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { buildOpenApiDocument } from "@/server/api-reference/openapi";
import type { JsonSchema } from "@/server/api-reference/json-schema";

const DOCUMENT_ID = "coachbook-openapi";

type Responses = Record<string, JsonSchema>;
interface Operation {
  template: string;
  pattern: RegExp;
  /** Literal segments first: /recurring-bookings/preview before /recurring-bookings/{id}. */
  parameters: number;
  responses: Responses;
}

let compiled: { ajv: Ajv2020; operations: Map<string, Operation[]>; document: JsonSchema; validators: Map<string, ValidateFunction> } | undefined;

function contract() {
  if (compiled) return compiled;
  const document = buildOpenApiDocument();
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema({ $id: DOCUMENT_ID, components: document.components } as object);
  const operations = new Map<string, Operation[]>();
  for (const [template, item] of Object.entries(document.paths as Record<string, Record<string, JsonSchema>>)) {
    const segments = template.split("/").map((segment) => (/^\{\w+\}$/.test(segment) ? "[^/]+" : escapeRegExp(segment)));
    for (const [method, operation] of Object.entries(item)) {
      const list = operations.get(method.toUpperCase()) ?? [];
      list.push({
        template,
        pattern: new RegExp(`^${segments.join("/")}$`),
        parameters: (template.match(/\{/g) ?? []).length,
        responses: operation.responses as Responses,
      });
      operations.set(method.toUpperCase(), list);
    }
  }
  for (const list of operations.values()) list.sort((a, b) => a.parameters - b.parameters);
  compiled = { ajv, operations, document, validators: new Map() };
  return compiled;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `#/components/...` refs made absolute, so that ajv resolves them in the document. */
function absolute(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(absolute);
  if (schema && typeof schema === "object") {
    return Object.fromEntries(
      Object.entries(schema).map(([key, value]) => [
        key,
        key === "$ref" && typeof value === "string" && value.startsWith("#/") ? `${DOCUMENT_ID}${value}` : absolute(value),
      ]),
    );
  }
  return schema;
}

/** The documented operation a request reaches, or undefined (pages, better-auth, undocumented paths). */
export function documentedOperation(method: string, pathname: string): { template: string; responses: Responses } | undefined {
  return contract().operations.get(method.toUpperCase())?.find((operation) => operation.pattern.test(pathname));
}

/**
 * Checks one answer against the reference. Answers undefined when it matches
 * or the request is not a documented operation; else what is wrong.
 */
export function contractViolation(method: string, url: URL, status: number, contentType: string | null, body: string): string | undefined {
  const operation = documentedOperation(method, url.pathname);
  if (!operation) return undefined;
  const where = `${method.toUpperCase()} ${operation.template} answered ${status}`;
  let response = operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`];
  if (!response) {
    return `${where}, which the API reference does not list for it (it lists ${Object.keys(operation.responses).join(", ")}): ${body.slice(0, 300)}`;
  }
  const { document } = contract();
  while (typeof response.$ref === "string") {
    const name: string = response.$ref.replace("#/components/responses/", "");
    response = ((document.components as JsonSchema).responses as Responses)[name]!;
  }
  const schema = ((response.content as Record<string, JsonSchema> | undefined)?.["application/json"])?.schema;
  if (!schema) return undefined; // a response documented without a body shape (e.g. 5XX)
  if (!contentType?.includes("application/json")) return `${where} with Content-Type ${contentType ?? "(none)"}, not JSON: ${body.slice(0, 300)}`;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return `${where} with a body that is not JSON: ${body.slice(0, 300)}`;
  }
  const key = `${method} ${operation.template} ${status}`;
  const { ajv, validators } = contract();
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(absolute(schema) as object);
    validators.set(key, validate);
  }
  if (validate(value)) return undefined;
  const errors = (validate.errors ?? []).slice(0, 8).map((error) => `  ${error.instancePath || "(body)"} ${error.message} ${JSON.stringify(error.params)}`);
  return `${where} with a body the API reference does not describe:\n${errors.join("\n")}\nbody: ${body.slice(0, 600)}`;
}
