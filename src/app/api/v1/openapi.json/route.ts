// GET /api/v1/openapi.json — the API reference (OpenAPI 3.1), public. Built
// from the code alone (no database, no session), so it is rendered once at
// build time and served as a static file.
import { buildOpenApiDocument } from "@/server/api-reference/openapi";

export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(buildOpenApiDocument());
}
